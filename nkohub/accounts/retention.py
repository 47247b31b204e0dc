"""Personal data destroyed when its retention period is over (152-ФЗ, issue 22 item 9).

Apps declare what they keep only for a while with `personal_data.register_retention_rule(...)`; one
periodic job (`accounts.retention`, daily, registered by notifications where the scheduler lives) and the
command `manage.py destroy_expired_personal_data` run `destroy_expired()`: each rule destroys what expired,
and every rule that destroyed something leaves a `RetentionDestruction` record, visible to operators in
the admin and in the audit log. This module's own rules: sign-ups never confirmed, and the IP addresses
kept with consents.
"""

from datetime import datetime, timedelta
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nkohub.accounts.models import Consent, RetentionDestruction, User
from nkohub.accounts.personal_data import RetentionRule, register_retention_rule, retention_rules
from nkohub.core.audit import audit_log


def destroy_expired(*, now: datetime | None = None) -> list[RetentionDestruction]:
    """Run every retention rule once; a record for each rule that destroyed something."""
    now = now or timezone.now()
    records = []
    for rule in retention_rules():
        period: timedelta = rule.period()
        cutoff = now - period
        with transaction.atomic():
            count = rule.destroy(cutoff)
            if not count:
                continue
            record = RetentionDestruction.objects.create(
                rule=rule.key,
                what=str(rule.what),
                count=count,
                period_days=period.days,
                cutoff=cutoff,
                performed_at=now,
            )
            audit_log(
                actor=None,
                action="accounts.retention.destroy",
                obj=record,
                changes={"rule": rule.key, "count": count, "period_days": period.days},
            )
        records.append(record)
    return records


def destroy_expired_summary() -> str:
    """The periodic job: a line for the scheduler's record."""
    records = destroy_expired()
    if not records:
        return "nothing expired"
    return "; ".join(f"{r.rule}: {r.count}" for r in records)


def destroy_unconfirmed_signups(cutoff: datetime) -> int:
    """People who signed up and never confirmed their e-mail (so never logged in) before `cutoff`:
    their account is deleted as the person would delete it (anonymised, a DeletionRecord kept)."""
    from nkohub.accounts.services import user_delete_account

    verified = EmailAddress.objects.filter(verified=True).values("user_id")
    unconfirmed = EmailAddress.objects.filter(verified=False).values("user_id")
    people = User.objects.filter(
        pk__in=unconfirmed,
        last_login__isnull=True,
        date_joined__lt=cutoff,
        deleted_at__isnull=True,
        is_staff=False,
        is_operator=False,
        is_superuser=False,
    ).exclude(pk__in=verified)
    count = 0
    for person in people.order_by("pk"):
        user_delete_account(actor=person, user=person, reason="unconfirmed sign-up expired")
        count += 1
    return count


def destroy_consent_addresses(cutoff: datetime) -> int:
    """The IP address a consent was given from is kept as evidence for a while, then cleared (the
    consent itself, its text version and time stay for as long as the account)."""
    return Consent.objects.filter(given_at__lt=cutoff, ip_address__isnull=False).update(
        ip_address=None
    )


def _days(setting: str) -> Any:
    return lambda: timedelta(days=int(getattr(settings, setting)))


def register_rules() -> None:
    register_retention_rule(
        RetentionRule(
            key="accounts.unconfirmed_signups",
            what=_("accounts whose e-mail was never confirmed"),
            period=_days("RETENTION_UNCONFIRMED_SIGNUP_DAYS"),
            destroy=destroy_unconfirmed_signups,
        )
    )
    register_retention_rule(
        RetentionRule(
            key="accounts.consent_ip_addresses",
            what=_("IP addresses of consents"),
            period=_days("RETENTION_IP_ADDRESS_DAYS"),
            destroy=destroy_consent_addresses,
        )
    )
