"""The API's pages in the cabinet: personal tokens (create: the key shown once; revoke) and an
organisation's webhooks with their deliveries. The API itself is v1.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.api import permissions, selectors
from nkohub.api.forms import TokenForm, WebhookForm
from nkohub.api.models import WebhookSubscription
from nkohub.api.services.tokens import token_create
from nkohub.api.services.tokens import token_revoke as revoke
from nkohub.api.services.webhooks import webhook_create, webhook_delete, webhook_set_active
from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.types import AuthenticatedHttpRequest


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def token_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    organizations = selectors.token_organizations(request.user)
    form = TokenForm(request.POST or None, organizations=organizations)
    issued = None
    if request.method == "POST" and form.is_valid():
        try:
            issued = token_create(
                actor=request.user,
                organization=form.cleaned_data["organization"],
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            form = TokenForm(organizations=organizations)
    page = paginate(request, selectors.tokens_of(request.user))
    return render(
        request,
        "api/tokens.html",
        {"form": form, "page": page, "issued": issued, "has_organizations": organizations.exists()},
        status=201 if issued else 200,
    )


@login_required
@require_POST
def token_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(selectors.tokens_of(request.user), pk=pk)
    try:
        revoke(actor=request.user, token=token)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The token is revoked: requests with it are refused."))
    return redirect("api:tokens")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def webhook_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    organizations = selectors.token_organizations(request.user)
    form = WebhookForm(request.POST or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        try:
            subscription = webhook_create(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The webhook is added. Its secret is on its page."))
            return redirect("api:webhook", pk=subscription.pk)
    page = paginate(request, selectors.webhooks_of(organizations))
    return render(
        request,
        "api/webhooks.html",
        {"form": form, "page": page, "has_organizations": organizations.exists()},
    )


def _subscription(request: AuthenticatedHttpRequest, pk: int) -> WebhookSubscription:
    subscription = selectors.webhook_with_organization(pk)
    if subscription is None:
        raise Http404
    require(permissions.can_manage_webhook(request.user, subscription), hide=True)
    return subscription


@login_required
@require_safe
def webhook_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    subscription = _subscription(request, pk)
    page = paginate(request, selectors.deliveries_of(subscription))
    return render(request, "api/webhook_detail.html", {"subscription": subscription, "page": page})


@login_required
@require_POST
def webhook_action(request: AuthenticatedHttpRequest, pk: int, action: str) -> HttpResponse:
    subscription = _subscription(request, pk)
    try:
        if action == "pause":
            webhook_set_active(actor=request.user, subscription=subscription, active=False)
        elif action == "resume":
            webhook_set_active(actor=request.user, subscription=subscription, active=True)
        elif action == "delete":
            webhook_delete(actor=request.user, subscription=subscription)
            messages.success(request, _("The webhook is deleted."))
            return redirect("api:webhooks")
        else:
            raise Http404
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("api:webhook", pk=pk)
