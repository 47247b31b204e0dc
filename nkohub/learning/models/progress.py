"""Enrolments (with the learner's consent to share progress), progress per lesson, certificates."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .courses import Cohort, Course, Lesson

# Crockford's base32 without the look-alikes I, L, O, U: a code read aloud or typed from paper survives.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12


def new_certificate_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    """The canonical form of a typed code (any case, spaces or dashes, O for 0, I and L for 1)."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    raw = raw.translate(str.maketrans("OIL", "011"))
    if len(raw) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        return ""
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.PROTECT, related_name="enrolments"
    )
    cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enrolments",
    )
    enrolled_at = models.DateTimeField(_("enrolled"), default=timezone.now)
    last_lesson = models.ForeignKey(
        Lesson,
        verbose_name=_("last lesson opened"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    # consent to show progress to the owners of one organisation the learner belongs to
    shares_progress = models.BooleanField(_("shares progress with the organisation"), default=False)
    shared_with = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation that sees the progress"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="learner_enrolments",
    )
    sharing_changed_at = models.DateTimeField(
        _("consent given or withdrawn"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="enrolment_unique_learner"),
            models.CheckConstraint(
                condition=Q(shares_progress=False)
                | Q(shared_with__isnull=False, sharing_changed_at__isnull=False),
                name="enrolment_sharing_recorded",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.course}"


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="progress"
    )
    lesson = models.ForeignKey(
        Lesson, verbose_name=_("lesson"), on_delete=models.PROTECT, related_name="progress"
    )
    started_at = models.DateTimeField(_("opened"), default=timezone.now)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("progress in a lesson")
        verbose_name_plural = _("progress in lessons")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="progress_unique_lesson")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment}: {self.lesson}"


class Certificate(models.Model):
    """Issued once per completed enrolment. What it says is copied in when it is issued, so a later
    edit of the course or of the person's name does not change a certificate already given."""

    enrolment = models.OneToOneField(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    code = models.CharField(
        _("verification code"), max_length=20, unique=True, default=new_certificate_code
    )
    full_name = models.CharField(_("name"), max_length=200)
    course_title = models.CharField(_("course"), max_length=200)
    hours = models.PositiveSmallIntegerField(_("hours"))
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
                name="certificate_revoked_with_reason",
            )
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("learning:certificate_verify", args=[self.code])

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None
