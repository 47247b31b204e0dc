"""Certificates: the learner's PDF, the public check of a code, revoking by an operator."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.core.service_calls import submit_form
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.learning import forms, permissions, selectors, services
from nkohub.learning.certificates import certificate_filename, certificate_pdf
from nkohub.learning.models.progress import normalise_code


@require_safe
def certificate_lookup(request: HttpRequest) -> HttpResponse:
    form = forms.CertificateLookupForm(request.GET or None)
    if form.is_valid():
        code = normalise_code(form.cleaned_data["code"]) or "unknown"
        return redirect("learning:certificate_verify", code=code)
    return render(request, "learning/certificate_lookup.html", {"form": form})


@require_safe
def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Genuine, revoked or unknown. An unknown or forged code gets the same page whatever it is, and a
    revoked one does not name its holder."""
    certificate = selectors.certificate_by_code(code)
    context = {
        "certificate": certificate,
        "form": forms.CertificateLookupForm(),
        "can_revoke": certificate is not None
        and not certificate.is_revoked
        and permissions.can_revoke_certificate(request.user),
        "revoke_form": forms.RevokeForm(),
    }
    status = 200 if certificate is not None else 404
    response = render(request, "learning/certificate_verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
@require_safe
def certificate_download(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    certificate = selectors.certificate_by_code(code)
    if certificate is None or not permissions.can_download_certificate(request.user, certificate):
        raise Http404
    if certificate.is_revoked:
        permissions.require(permissions.refused(_("This certificate has been revoked.")))
    verify_url = request.build_absolute_uri(
        reverse("learning:certificate_verify", args=[certificate.code])
    )
    response = HttpResponse(
        certificate_pdf(certificate, verify_url=verify_url), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="{certificate_filename(certificate)}"'
    return response


@login_required
@require_POST
def certificate_revoke(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404
    permissions.require(permissions.can_revoke_certificate(request.user))
    form = forms.RevokeForm(request.POST)
    submit_form(
        request,
        form,
        lambda data: services.certificate_revoke(
            actor=request.user, certificate=certificate, reason=data["reason"]
        ),
        _("The certificate is revoked."),
    )
    return redirect(certificate)
