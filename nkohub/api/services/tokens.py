"""Writes of API tokens: create (the key shown once), revoke, and the note of each use."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.api import permissions
from nkohub.api.models import ApiToken, Scope
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.organizations.models import Organization

if TYPE_CHECKING:
    from nkohub.accounts.models import User

KEY_PREFIX = "nko"
# A use is written at most this often per token: a busy integration does not write a row per request.
LAST_USED_GRANULARITY = timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    key: str  # shown to the person once; only its hash is kept


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def split_key(key: str) -> tuple[str, str] | None:
    """`nko_<prefix>_<secret>` → (prefix, whole key), or None when it is not shaped like a token."""
    parts = key.split("_", 2)  # the secret itself may hold "_"
    if len(parts) != 3 or parts[0] != KEY_PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1], key


@transaction.atomic
def token_create(
    *, actor: "User", organization: Organization, name: str, scopes: list[str]
) -> IssuedToken:
    decision = permissions.can_create_token_for(actor, organization)
    if not decision:
        raise DomainError(decision.reason)
    known = set(Scope.values)
    if not scopes or any(scope not in known for scope in scopes):
        raise DomainError(_("Choose at least one of the scopes offered."), field="scopes")
    prefix = secrets.token_hex(4)
    key = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken(
        user=actor,
        organization=organization,
        name=name.strip(),
        prefix=prefix,
        key_hash=hash_key(key),
        scopes=sorted(set(scopes)),
    )
    token.full_clean()
    token.save()
    audit_log(
        actor=actor,
        action="api.token.create",
        obj=token,
        changes={"organization": organization.display_name, "scopes": token.scopes},
    )
    return IssuedToken(token=token, key=key)


@transaction.atomic
def token_revoke(*, actor: "User", token: ApiToken) -> ApiToken:
    if not permissions.can_revoke_token(actor, token):
        raise DomainError(_("Only the token's owner revokes it."))
    if token.revoked_at is not None:
        raise DomainError(_("The token is already revoked."))
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_log(actor=actor, action="api.token.revoke", obj=token)
    return token


def token_for_key(key: str) -> ApiToken | None:
    """The active token of `key` (its person active too), or None. Compared in constant time."""
    parts = split_key(key)
    if parts is None:
        return None
    prefix, whole = parts
    token = (
        ApiToken.objects.select_related("user", "organization")
        .filter(prefix=prefix, revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.key_hash, hash_key(whole)):
        return None
    return token


def token_note_use(*, token: ApiToken, address: str | None) -> None:
    """When and from where the token was last used (at most once a minute per token: no audit entry,
    the use is not a change the person made)."""
    now = timezone.now()
    if token.last_used_at and now - token.last_used_at < LAST_USED_GRANULARITY:
        return
    token.last_used_at, token.last_used_from = now, address
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now, last_used_from=address)
