"""A person's registration (a confirmed place or a place on the waiting list), their check-in code,
attendance, feedback after the event, and the secret address of their calendar feed."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .events import Event

# Crockford's base32 without the look-alikes I, L, O, U: a code read from a phone screen survives.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 8


def new_checkin_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(text: str) -> str:
    """The canonical form of a typed or scanned code (any case, spaces or dashes, O for 0, I/L for 1)."""
    raw = "".join(ch for ch in text.upper() if ch.isalnum())
    raw = raw.translate(str.maketrans("OIL", "011"))
    if len(raw) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in raw):
        return ""
    return f"{raw[:4]}-{raw[4:]}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", pgettext_lazy("registration", "confirmed")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", pgettext_lazy("registration", "cancelled")

    ACTIVE = (Status.CONFIRMED, Status.WAITING)

    event = models.ForeignKey(
        Event,
        verbose_name=pgettext_lazy("event", "event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("comes from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    status = models.CharField(
        pgettext_lazy("registration", "status"), max_length=10, choices=Status.choices
    )
    answers = models.JSONField(_("answers to the questions"), default=dict, blank=True)
    registered_at = models.DateTimeField(
        pgettext_lazy("registration", "registered"), default=timezone.now
    )
    confirmed_at = models.DateTimeField(_("place confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(
        pgettext_lazy("registration", "cancelled"), null=True, blank=True
    )
    checkin_code = models.CharField(
        _("check-in code"), max_length=9, unique=True, default=new_checkin_code, editable=False
    )
    attended_at = models.DateTimeField(pgettext_lazy("attendance", "came"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="registration_one_per_person"),
        ]
        indexes = [
            models.Index(
                fields=["event", "registered_at"],
                name="registration_waiting",
                condition=Q(status="waiting"),
            ),
            models.Index(fields=["user", "status"], name="registration_person"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING


class Feedback(models.Model):
    """What an attendee thought of the event: once per registration."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="feedback"
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), choices=[(n, str(n)) for n in range(1, 6)]
    )
    useful = models.TextField(_("what was useful"), max_length=2000, blank=True)
    to_change = models.TextField(_("what to change"), max_length=2000, blank=True)
    created_at = models.DateTimeField(pgettext_lazy("feedback", "left"), default=timezone.now)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration} — {self.rating}"


class CalendarFeed(models.Model):
    """The secret address of a person's calendar of their registrations; a new token revokes the old."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)
