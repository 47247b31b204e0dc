"""Webinar recordings: a video file (served with range requests) or a VK Video / RuTube embed, with the
speakers, the date held, the duration and optional slides from the library. A recording belongs to a
public event that has taken place (`event`), or stands alone; any course can make it a lesson (a
lesson of kind "recording")."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.storage import private_storage

from .courses import Topic
from .library import Contribution, Material


def _recording_path(instance: Any, filename: str) -> str:
    return f"learning/recordings/{timezone.now():%Y/%m}/{filename}"


class Recording(Contribution):
    title = models.CharField(pgettext_lazy("recording field", "title"), max_length=200)
    description = models.TextField(
        pgettext_lazy("recording field", "description"), max_length=10_000, blank=True
    )
    held_on = models.DateField(_("held on"))
    speakers = models.CharField(_("speakers"), max_length=300)
    minutes = models.PositiveSmallIntegerField(
        _("duration, minutes"), validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        related_name="recordings",
        null=True,
        blank=True,
    )
    video = models.FileField(
        _("video file"), upload_to=_recording_path, storage=private_storage, blank=True
    )
    video_name = models.CharField(_("file name"), max_length=255, blank=True)
    video_type = models.CharField(_("file type"), max_length=60, blank=True)
    embed_url = models.URLField(_("embed address"), max_length=500, blank=True)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=pgettext_lazy("recording field", "event"),
        on_delete=models.SET_NULL,
        related_name="recordings",
        null=True,
        blank=True,
        help_text=_("The public event it was recorded at, once it has taken place."),
    )
    slides = models.ForeignKey(
        Material,
        verbose_name=_("slides from the library"),
        on_delete=models.SET_NULL,
        related_name="recordings",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("webinar recording")
        verbose_name_plural = _("webinar recordings")
        ordering = ["-held_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(video="") | ~Q(embed_url=""), name="recording_has_a_source"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="recording_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(minutes__gte=1) & Q(minutes__lte=600), name="recording_minutes_valid"
            ),
        ]
        indexes = [models.Index(fields=["status", "-held_on"], name="recording_status_held")]

    def get_absolute_url(self) -> str:
        return reverse("learning:recording", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        event = self.event
        if event is None:
            return
        if event.status == event.Status.CANCELLED or event.audience != event.Audience.PUBLIC:
            raise ValidationError(
                {"event": _("A recording belongs to a public event that was not cancelled.")}
            )
        if event.ends_at > timezone.now():
            raise ValidationError(
                {"event": _("The event has not taken place yet: add its recording afterwards.")}
            )
