"""How long the reception keeps the files attached to appeals: an appeal that came to its end (answered,
redirected or left without an answer) keeps its text and answer, but its attachments — passports, medical
papers, photos people send with a complaint — are destroyed RETENTION_APPEAL_ATTACHMENT_YEARS after it
ended (the answer date; for an appeal without one, its submission)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nkohub.accounts.personal_data import RetentionRule, register_retention_rule
from nkohub.reception.models import Appeal, AppealAttachment


def destroy_closed_appeal_attachments(cutoff: datetime) -> int:
    ended = Appeal.objects.filter(status__in=Appeal.FINAL_STATUSES).filter(
        Q(answered_on__lt=cutoff.date()) | Q(answered_on__isnull=True, submitted_at__lt=cutoff)
    )
    attachments = AppealAttachment.objects.filter(appeal__in=ended).order_by("pk")
    count = 0
    for attachment in attachments:
        attachment.file.delete(save=False)
        attachment.delete()
        count += 1
    return count


def register() -> None:
    register_retention_rule(
        RetentionRule(
            key="reception.closed_appeal_attachments",
            what=_("attachments of appeals that came to an end"),
            period=lambda: timedelta(days=365 * settings.RETENTION_APPEAL_ATTACHMENT_YEARS),
            destroy=destroy_closed_appeal_attachments,
        )
    )
