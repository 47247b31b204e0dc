import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from nkohub.accounts import permissions, services
from nkohub.accounts.documents import legal_document
from nkohub.accounts.forms import DeleteAccountForm, ProfileForm
from nkohub.core.permissions import require
from nkohub.core.types import AuthenticatedHttpRequest


@login_required
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_edit_profile(request.user, request.user))
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(
            actor=request.user,
            user=request.user,
            full_name=form.cleaned_data["full_name"],
            phone=form.cleaned_data["phone"],
            about=form.cleaned_data["about"],
        )
        messages.success(request, _("Profile saved."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def privacy(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "accounts/privacy.html", {"consents": request.user.consents.all()})


@login_required
@require_safe
def export_data(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = services.user_export_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="nko-cluster-my-data-{stamp}.json"'
    return response


@login_required
def delete_account(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(permissions.can_delete_account(request.user, request.user))
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        services.user_delete_account(actor=user, user=user, reason="Запрос владельца аккаунта")
        logout(request)
        messages.success(
            request, _("Your account has been deleted and your personal data destroyed.")
        )
        return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})


@require_safe
def privacy_policy(request: HttpRequest) -> HttpResponse:
    document = legal_document("privacy_policy", settings.PRIVACY_POLICY_VERSION)
    return render(
        request,
        "accounts/legal_document.html",
        {"document": document, "title": _("Personal data processing policy")},
    )


@require_safe
def consent_text(request: HttpRequest) -> HttpResponse:
    document = legal_document("consent", settings.PERSONAL_DATA_CONSENT_VERSION)
    return render(
        request,
        "accounts/legal_document.html",
        {"document": document, "title": _("Consent to personal data processing")},
    )
