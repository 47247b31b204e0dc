"""Consultation slots an expert publishes and members book.

An expert's slots that hold their time (open or booked) never overlap: the platform's interval rule
(`nkohub.core.intervals`), with the exclusion constraint of migration 0002 on PostgreSQL. A slot is
booked by one person at a time: the booking is a conditional update of an open slot, so of two people
booking at once one wins.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .experts import Competence, Expert


class Slot(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("slot", "free")
        BOOKED = "booked", pgettext_lazy("slot", "booked")
        CANCELLED = "cancelled", pgettext_lazy("slot", "cancelled")

    HOLDING_STATUSES = (Status.OPEN, Status.BOOKED)

    expert = models.ForeignKey(
        Expert, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="slots"
    )
    competence = models.ForeignKey(
        Competence,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="slots",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(
        _("where"),
        max_length=300,
        help_text=_("An address, or «online: the link comes with the booking»."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_slots",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("for organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_slots",
    )
    topic_note = models.CharField(_("what to discuss"), max_length=500, blank=True)
    booked_at = models.DateTimeField(_("booked"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("consultation slot")
        verbose_name_plural = _("consultation slots")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["status", "starts_at"], name="consult_slot_open_idx"),
            models.Index(fields=["expert", "status", "starts_at"], name="consult_slot_expert_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="consult_slot_time_ordered"
            ),
            models.CheckConstraint(
                condition=~Q(status="booked") | Q(booked_by__isnull=False),
                name="consult_slot_booked_has_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expert} · {self.starts_at:%d.%m.%Y %H:%M}"
