"""Writes about people: consents, profile, deletion. One function per use case, atomic, audited."""

from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.accounts.models import Consent, DeletionRecord, User
from nkohub.accounts.personal_data import handlers
from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError

PROFILE_FIELDS = ["full_name", "phone", "about"]


@transaction.atomic
def user_record_signup_consents(
    *, user: User, ip_address: str | None, user_agent: str
) -> list[Consent]:
    """Keep proof of the two separate documents the person accepted at sign-up."""
    consents = []
    for kind, version in (
        (Consent.Kind.PERSONAL_DATA, settings.PERSONAL_DATA_CONSENT_VERSION),
        (Consent.Kind.POLICY, settings.PRIVACY_POLICY_VERSION),
    ):
        consent = Consent(
            user=user,
            kind=kind,
            version=version,
            ip_address=ip_address,
            user_agent=user_agent[:300],
        )
        consent.full_clean()
        consent.save()
        consents.append(consent)
    audit_log(
        actor=user,
        action="accounts.consent.give",
        obj=user,
        changes={"versions": [c.version for c in consents]},
    )
    return consents


@transaction.atomic
def user_update_profile(*, actor: User, user: User, full_name: str, phone: str, about: str) -> User:
    before = User.objects.get(pk=user.pk)
    user.full_name, user.phone, user.about = full_name.strip(), phone.strip(), about.strip()
    user.full_clean()
    user.save(update_fields=PROFILE_FIELDS)
    changes = diff_fields(before, user, PROFILE_FIELDS)
    if changes:
        audit_log(actor=actor, action="accounts.profile.update", obj=user, changes=changes)
    return user


def user_export_data(*, user: User) -> dict[str, Any]:
    """Everything the platform holds about the person, as JSON-serialisable data."""
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "id": user.pk,
            "email": user.email,
            "full_name": user.full_name,
            "phone": user.phone,
            "about": user.about,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "is_operator": user.is_operator,
        },
        "emails": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "consents": [
            {
                "document": c.kind,
                "version": c.version,
                "given_at": c.given_at.isoformat(),
                "ip_address": c.ip_address,
                "user_agent": c.user_agent,
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in user.consents.order_by("given_at")
        ],
    }
    for handler in handlers():
        data[handler.key] = handler.export(user)
    return data


class AccountDeletionError(DomainError):
    """The account cannot be deleted (for instance, it already has been)."""


@transaction.atomic
def user_delete_account(*, actor: User, user: User, reason: str) -> DeletionRecord:
    """Destroy the person's personal data and keep the records of organisations consistent.

    The account row stays (anonymised, inactive) so that authorship of organisation records
    (appeals, offers, projects) keeps pointing at something; every personal field is wiped.
    """
    if user.deleted_at is not None:
        raise AccountDeletionError(_("This account is already deleted."))
    summary: dict[str, Any] = {"account": "anonymised"}
    for handler in handlers():
        summary[handler.key] = handler.erase(user)
    summary["emails"] = EmailAddress.objects.filter(user=user).delete()[0]
    now = timezone.now()
    summary["consents_withdrawn"] = user.consents.filter(withdrawn_at__isnull=True).update(
        withdrawn_at=now
    )
    user_id = user.pk
    user.email = f"deleted-{user_id}@deleted.invalid"
    user.full_name = ""
    user.phone = ""
    user.about = ""
    user.is_active = False
    user.is_operator = False
    user.is_staff = False
    user.deleted_at = now
    user.set_unusable_password()
    user.save()
    record = DeletionRecord.objects.create(
        user_id_ref=user_id,
        requested_by=actor if actor.pk != user_id else None,
        reason=reason,
        performed_at=now,
        summary=summary,
    )
    audit_log(
        actor=actor if actor.pk != user_id else None,
        action="accounts.account.delete",
        obj=record,
        changes=summary,
    )
    return record
