"""Certificates: issued on completion with what they say copied in, revoked with a reason."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.learning.models import Certificate, Enrolment
from nkohub.learning.models.progress import new_certificate_code


def certificate_issue(*, enrolment: Enrolment) -> Certificate:
    """The enrolment's certificate (one per enrolment), with a fresh random code."""
    existing = Certificate.objects.filter(enrolment=enrolment).first()
    if existing is not None:
        return existing
    course = enrolment.course
    for _attempt in range(5):  # a clash of 60-bit random codes is all but impossible; still, retry
        certificate = Certificate(
            enrolment=enrolment,
            code=new_certificate_code(),
            full_name=enrolment.user.display_name,
            course_title=course.title,
            hours=course.hours,
        )
        try:
            with transaction.atomic():
                certificate.save()
        except IntegrityError:
            continue
        audit_log(
            actor=enrolment.user,
            action="learning.certificate.issue",
            obj=certificate,
            changes={"course": course.title},
        )
        return certificate
    raise DomainError(_("The certificate could not be issued; try again."))


@transaction.atomic
def certificate_revoke(*, actor: User, certificate: Certificate, reason: str) -> Certificate:
    if certificate.is_revoked:
        raise DomainError(_("The certificate is already revoked."))
    if not reason.strip():
        raise DomainError(_("Say why the certificate is revoked."), field="reason")
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason.strip()
    certificate.save(update_fields=["revoked_at", "revoked_reason"])
    audit_log(
        actor=actor,
        action="learning.certificate.revoke",
        obj=certificate,
        changes={"reason": certificate.revoked_reason},
    )
    return certificate
