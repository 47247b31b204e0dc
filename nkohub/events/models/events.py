"""An event of an organisation: where and when, who may come, how many, and the questions asked."""

import uuid
import zoneinfo
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def new_uid() -> str:
    return f"{uuid.uuid4()}@nko-klaster"


def _default_time_zone() -> str:
    return str(settings.TIME_ZONE)


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone."))


# What the organiser writes (times apart: they change by moving the event, which tells everyone).
EVENT_FIELDS = (
    "title",
    "kind",
    "summary",
    "description",
    "time_zone",
    "is_online",
    "online_url",
    "address",
    "municipality",
    "capacity",
    "registration_opens_at",
    "registration_closes_at",
    "audience",
)


class Event(models.Model):
    class Kind(models.TextChoices):
        WEBINAR = "webinar", _("webinar")
        TRAINING = "training", pgettext_lazy("event kind", "training")
        STRATEGIC_SESSION = "strategic_session", _("strategic session")
        FAIR_DAY = "fair_day", _("fair day")
        MEETING = "meeting", pgettext_lazy("event kind", "meeting")
        OTHER = "other", pgettext_lazy("event kind", "other")

    class Audience(models.TextChoices):
        PUBLIC = "public", pgettext_lazy("event audience", "everyone")
        MEMBERS = "members", _("members of the platform")
        STAFF = "staff", _("the organiser's staff")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", pgettext_lazy("event status", "scheduled")
        CANCELLED = "cancelled", pgettext_lazy("event status", "cancelled")

    organizer = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    title = models.CharField(pgettext_lazy("event field", "title"), max_length=200)
    kind = models.CharField(
        pgettext_lazy("event field", "kind"), max_length=20, choices=Kind.choices
    )
    summary = models.CharField(pgettext_lazy("event field", "summary"), max_length=300)
    description = models.TextField(pgettext_lazy("event field", "description"), blank=True)
    starts_at = models.DateTimeField(pgettext_lazy("event field", "starts"))
    ends_at = models.DateTimeField(pgettext_lazy("event field", "ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=_default_time_zone, validators=[validate_time_zone]
    )
    is_online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(
        _("link to join"),
        blank=True,
        help_text=_("Shown only to people whose place is confirmed."),
    )
    address = models.CharField(pgettext_lazy("event field", "address"), max_length=300, blank=True)
    municipality = models.ForeignKey(
        "territories.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    capacity = models.PositiveIntegerField(
        pgettext_lazy("event field", "places"),
        help_text=_("When they are taken, people join the waiting list."),
    )
    seats_taken = models.PositiveIntegerField(_("places taken"), default=0, editable=False)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    registration_closed = models.BooleanField(
        _("registration closed by the organiser"), default=False
    )
    audience = models.CharField(
        _("who may come"), max_length=10, choices=Audience.choices, default=Audience.PUBLIC
    )
    status = models.CharField(
        pgettext_lazy("event field", "status"),
        max_length=10,
        choices=Status.choices,
        default=Status.SCHEDULED,
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)
    uid = models.CharField(
        _("calendar UID"), max_length=80, unique=True, default=new_uid, editable=False
    )
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)
    feedback_requested_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(pgettext_lazy("event field", "changed"), auto_now=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        verbose_name = pgettext_lazy("event", "event")
        verbose_name_plural = pgettext_lazy("event", "events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("capacity")), name="event_seats_within_capacity"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="event_capacity_positive"),
        ]
        indexes = [
            models.Index(fields=["status", "starts_at"], name="event_calendar"),
            models.Index(fields=["organizer", "starts_at"], name="event_organizer"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.pk])

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The event must end after it starts.")})
        if self.is_online and not self.online_url:
            raise ValidationError({"online_url": _("Give the link to join an online event.")})
        if not self.is_online and not self.address:
            raise ValidationError({"address": _("Give the address of the event.")})
        if (
            self.registration_opens_at
            and self.registration_closes_at
            and self.registration_closes_at <= self.registration_opens_at
        ):
            raise ValidationError(
                {"registration_closes_at": _("Registration must close after it opens.")}
            )
        if self.capacity is not None and self.capacity < self.seats_taken:
            raise ValidationError(
                {"capacity": _("%(taken)s places are already taken.") % {"taken": self.seats_taken}}
            )

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self) -> datetime:
        return self.ends_at.astimezone(self.zone)

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def places_left(self) -> int:
        return max(0, self.capacity - self.seats_taken)

    @property
    def is_full(self) -> bool:
        return self.seats_taken >= self.capacity

    @property
    def has_ended(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def registration_closes(self) -> datetime:
        return self.registration_closes_at or self.starts_at

    @property
    def registration_is_open(self) -> bool:
        now = timezone.now()
        return (
            self.status == self.Status.SCHEDULED
            and not self.registration_closed
            and (self.registration_opens_at is None or self.registration_opens_at <= now)
            and now < self.registration_closes
        )


class EventQuestion(models.Model):
    """A question asked at registration (dietary needs, the organisation's field, what to discuss)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(pgettext_lazy("event question", "question"), max_length=300)
    required = models.BooleanField(_("an answer is required"), default=False)
    position = models.PositiveIntegerField(_("position"), default=1)

    class Meta:
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text
