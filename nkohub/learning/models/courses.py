"""A course: its topic, cohorts, modules and lessons (text, video, an embed, files or a quiz).

Lessons persist: a published course is changed in place and a lesson taken out of it is archived, never
deleted, so nobody's progress (kept per lesson) is lost.
"""

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.storage import private_storage
from nkohub.learning.addresses import validate_course_address


class Topic(models.Model):
    """A subject of learning; the list is seeded from the sector's wanted topics and edited by operators."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("code"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("order in lists"), default=100)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class Course(models.Model):
    class Format(models.TextChoices):
        SELF_PACED = "self_paced", _("self-paced")
        COHORT = "cohort", _("cohort with dates")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("course", "draft")
        PUBLISHED = "published", pgettext_lazy("course", "published")

    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.DRAFT: (Status.PUBLISHED,),
        Status.PUBLISHED: (Status.DRAFT,),
    }

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=80,
        unique=True,
        allow_unicode=False,
        validators=[validate_course_address],
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="courses"
    )
    summary = models.CharField(_("in one sentence"), max_length=300)
    description = models.TextField(_("description"), max_length=20_000, blank=True)
    audience = models.CharField(_("who it is for"), max_length=300)
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.SELF_PACED
    )
    hours = models.PositiveSmallIntegerField(
        _("hours"), validators=[MinValueValidator(1), MaxValueValidator(500)]
    )
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("authors (experts)"),
        related_name="authored_courses",
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gte=1) & Q(hours__lte=500), name="course_hours_valid"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="course_published_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "topic"], name="course_status_topic")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:course", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Cohort(models.Model):
    """A group that learns together between two dates; its seats are counted in the row itself so that
    the last seat is given once (a conditional UPDATE, checked by the database)."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="cohorts"
    )
    title = models.CharField(_("name"), max_length=120)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    capacity = models.PositiveIntegerField(
        _("seats"), validators=[MinValueValidator(1), MaxValueValidator(10_000)]
    )
    seats_taken = models.PositiveIntegerField(_("seats taken"), default=0, editable=False)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="cohort_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="cohort_capacity_positive"),
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("capacity")), name="cohort_not_over_capacity"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_on:%d.%m.%Y} – {self.ends_on:%d.%m.%Y})"

    @property
    def seats_left(self) -> int:
        return max(0, self.capacity - self.seats_taken)


class Module(models.Model):
    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="modules"
    )
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveSmallIntegerField(_("order"), default=1)

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


def _video_path(instance: Any, filename: str) -> str:
    return f"learning/videos/{timezone.now():%Y/%m}/{filename}"


def _file_path(instance: Any, filename: str) -> str:
    return f"learning/files/{timezone.now():%Y/%m}/{filename}"


class Lesson(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("text")
        VIDEO = "video", _("video file")
        EMBED = "embed", _("video from VK Video or RuTube")
        FILES = "files", _("files to download")
        QUIZ = "quiz", _("quiz")
        RECORDING = "recording", _("webinar recording")

    module = models.ForeignKey(
        Module, verbose_name=_("module"), on_delete=models.PROTECT, related_name="lessons"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    body = models.TextField(_("text (Markdown)"), max_length=50_000, blank=True)
    video = models.FileField(
        _("video file"), upload_to=_video_path, storage=private_storage, blank=True
    )
    video_name = models.CharField(_("file name"), max_length=255, blank=True)
    video_type = models.CharField(_("file type"), max_length=60, blank=True)
    embed_url = models.URLField(_("embed address"), max_length=500, blank=True)
    recording = models.ForeignKey(
        "learning.Recording",
        verbose_name=_("webinar recording"),
        on_delete=models.PROTECT,
        related_name="lessons",
        null=True,
        blank=True,
    )
    materials = models.ManyToManyField(
        "learning.Material",
        verbose_name=_("materials from the library"),
        related_name="lessons",
        blank=True,
    )
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=10)
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    archived_at = models.DateTimeField(_("taken out of the course"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="embed") | ~Q(embed_url=""), name="lesson_embed_has_address"
            ),
            models.CheckConstraint(
                condition=~Q(kind="recording") | Q(recording__isnull=False),
                name="lesson_recording_has_recording",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class LessonFile(models.Model):
    lesson = models.ForeignKey(
        Lesson, verbose_name=_("lesson"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(_("file"), upload_to=_file_path, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size, bytes"), default=0)
    title = models.CharField(_("caption"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("lesson file")
        verbose_name_plural = _("lesson files")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title or self.original_name
