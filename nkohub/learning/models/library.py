"""The library of methodological materials: documents, templates, checklists and presentations with
topics and tags, a preview made in the background, a download count; lessons attach them.

The file lives in private storage (no URL): a draft must not leak, and every download goes through the
view that counts it."""

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.storage import private_storage

from .courses import Topic


def _material_path(instance: Any, filename: str) -> str:
    return f"learning/library/{timezone.now():%Y/%m}/{filename}"


def _preview_path(instance: Any, filename: str) -> str:
    return f"learning/library/previews/{timezone.now():%Y/%m}/{filename}"


class Contribution(models.Model):
    """What the library and the recordings share: who added it and when, the demo flag, and a lifecycle
    of draft → published (and back) whose transitions are defined here once."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("material", "draft")
        PUBLISHED = "published", pgettext_lazy("material", "published")

    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.DRAFT: (Status.PUBLISHED,),
        Status.PUBLISHED: (Status.DRAFT,),
    }

    status = models.CharField(
        pgettext_lazy("material field", "status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return str(getattr(self, "title", ""))

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class MaterialTag(models.Model):
    """A free word that groups materials across topics («бюджет», «шаблон договора»); kept in lower case."""

    name = models.CharField(pgettext_lazy("tag field", "name"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("material tag")
        verbose_name_plural = _("material tags")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Material(Contribution):
    class Kind(models.TextChoices):
        DOCUMENT = "document", pgettext_lazy("material kind", "document")
        TEMPLATE = "template", pgettext_lazy("material kind", "template")
        CHECKLIST = "checklist", pgettext_lazy("material kind", "checklist")
        PRESENTATION = "presentation", pgettext_lazy("material kind", "presentation")

    class Preview(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", pgettext_lazy("preview", "ready")
        NO_TOOL = "no_tool", _("the server has no tool to draw it")
        NONE = "none", _("not made for this type of file")
        FAILED = "failed", _("the file could not be read")

    title = models.CharField(pgettext_lazy("material field", "title"), max_length=200)
    description = models.TextField(
        pgettext_lazy("material field", "description"), max_length=5_000, blank=True
    )
    kind = models.CharField(
        pgettext_lazy("material field", "kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.DOCUMENT,
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="materials", blank=True
    )
    tags = models.ManyToManyField(
        MaterialTag, verbose_name=_("tags"), related_name="materials", blank=True
    )
    file = models.FileField(
        pgettext_lazy("material field", "file"), upload_to=_material_path, storage=private_storage
    )
    original_name = models.CharField(_("file name"), max_length=255)
    file_format = models.CharField(_("file format"), max_length=10)
    size = models.PositiveBigIntegerField(_("size, bytes"), default=0)
    preview_status = models.CharField(
        _("preview"), max_length=10, choices=Preview.choices, default=Preview.PENDING
    )
    preview_image = models.FileField(
        _("preview of the first page"),
        upload_to=_preview_path,
        storage=private_storage,
        blank=True,
        editable=False,
    )
    preview_text = models.TextField(_("beginning of the text"), blank=True, editable=False)
    content_text = models.TextField(_("text of the file"), blank=True, editable=False)
    search_text = models.TextField(_("words for search"), blank=True, editable=False)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)

    class Meta:
        verbose_name = _("library material")
        verbose_name_plural = _("library materials")
        ordering = ["-published_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="material_published_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="material_status_published")
        ]

    def get_absolute_url(self) -> str:
        return reverse("learning:material", args=[self.pk])
