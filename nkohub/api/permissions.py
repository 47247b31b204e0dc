"""Who may do what with API tokens and webhooks, and what a token may do. The only place these rights
are decided; a write through the API then goes through the owning app's own permissions as well.

A token acts for its person *and* its organisation: a write needs the scope, the organisation of the
object to be the token's own, and the person still to have the right (a revoked membership ends it)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from nkohub.api.models import ApiToken, WebhookSubscription
from nkohub.core.permissions import ALLOWED, Decision, refused
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import can_act_for


def _signed_in(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


# --- tokens (the cabinet) -------------------------------------------------------------------
def can_create_token_for(user: Any, organization: Organization) -> Decision:
    if not _signed_in(user):
        return refused(_("Log in to create API tokens."))
    if not can_act_for(user, organization):
        return refused(_("Only the organisation's owners and editors create its API tokens."))
    return ALLOWED


def can_revoke_token(user: Any, token: ApiToken) -> bool:
    return _signed_in(user) and token.user_id == user.pk


# --- what a token may do (the API) ----------------------------------------------------------
def token_allows(token: ApiToken | None, scope: str) -> Decision:
    if token is None:
        return refused(_("This operation needs an API token."))
    if not token.has_scope(scope):
        return refused(_("The token has no scope %(scope)s.") % {"scope": scope})
    return ALLOWED


def can_write_for(
    token: ApiToken | None, organization: Organization | None, scope: str
) -> Decision:
    """A write to an object of `organization` with `token`: its scope, its own organisation, and its
    person's right to act for the organisation today."""
    allowed = token_allows(token, scope)
    if not allowed:
        return allowed
    assert token is not None
    if organization is None or organization.pk != token.organization_id:
        return refused(_("The token belongs to another organisation."))
    if not can_act_for(token.user, organization):
        return refused(_("The token's owner no longer acts for the organisation."))
    return ALLOWED


# --- webhooks -------------------------------------------------------------------------------
def can_manage_webhooks(user: Any, organization: Organization) -> Decision:
    if not _signed_in(user):
        return refused(_("Log in to manage webhooks."))
    if not can_act_for(user, organization):
        return refused(_("Only the organisation's owners and editors manage its webhooks."))
    return ALLOWED


def can_manage_webhook(user: Any, subscription: WebhookSubscription) -> Decision:
    return can_manage_webhooks(user, subscription.organization)
