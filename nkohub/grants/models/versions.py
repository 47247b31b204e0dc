"""Versions and exports of applications, and comparisons with other regions."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.storage import private_storage

from ._shared import money_field
from .applications import Application
from .competitions import Funder


class ApplicationVersion(models.Model):
    """A saved state of the whole document; `snapshot` is what `document.snapshot_of` returns."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    snapshot = models.JSONField(_("content"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    class Meta:
        verbose_name = _("version of an application")
        verbose_name_plural = _("versions of applications")
        ordering = ["application", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "number"], name="applicationversion_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} v{self.number}"


class ApplicationExport(models.Model):
    """A document of one version of an application rendered in the background (the PDF takes a
    second or more): its progress for the page that waits, then the file, kept for downloads."""

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("export status", "queued")
        RUNNING = "running", pgettext_lazy("export status", "being prepared")
        READY = "ready", pgettext_lazy("export status", "ready")
        FAILED = "failed", pgettext_lazy("export status", "failed")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="exports")
    version = models.PositiveIntegerField(_("version"))
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(
        _("progress, %"), default=0, validators=[MaxValueValidator(100)]
    )
    file = models.FileField(
        _("file"), upload_to="grants/exports/%Y/%m/", blank=True, storage=private_storage
    )
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("export of an application")
        verbose_name_plural = _("exports of applications")
        ordering = ["application", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "version", "format"], name="applicationexport_once"
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="applicationexport_progress_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application} v{self.version} ({self.format})"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def filename(self) -> str:
        return f"zayavka-{self.application_id}-v{self.version}.{self.format}"


class RegionComparison(models.Model):
    """Figures of another region entered by an operator, to compare the region's own results with
    (e.g. Belgorod region, Presidential Grants Fund, 2017–2021: 1,378 applications, 149 won)."""

    region = models.ForeignKey(
        "territories.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    funder = models.ForeignKey(
        Funder, verbose_name=_("funder"), on_delete=models.PROTECT, related_name="comparisons"
    )
    year_from = models.PositiveSmallIntegerField(
        _("from year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    year_to = models.PositiveSmallIntegerField(
        _("to year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    applications = models.PositiveIntegerField(_("applications"))
    winners = models.PositiveIntegerField(_("winners"))
    amount = money_field(_("money won, ₽"), optional=True, max_digits=16)
    # the Fund's results by competition (e.g. «первый конкурс 2021 года»); empty: the whole period
    competition = models.CharField(_("competition"), max_length=200, blank=True, default="")
    source = models.CharField(_("source of the figures"), max_length=300, blank=True)
    source_date = models.DateField(_("date of the source"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)

    class Meta:
        verbose_name = _("comparison region figures")
        verbose_name_plural = _("comparison region figures")
        ordering = ["region", "funder", "year_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year_to__gte=F("year_from")), name="comparison_years_ordered"
            ),
            models.CheckConstraint(
                condition=Q(winners__lte=F("applications")),
                name="comparison_winners_within_applications",
            ),
            models.UniqueConstraint(
                fields=["region", "funder", "year_from", "year_to", "competition"],
                name="comparison_unique_period_competition",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region}, {self.funder}, {self.year_from}–{self.year_to}"

    @property
    def success_percent(self) -> Decimal | None:
        if not self.applications:
            return None
        return (Decimal(self.winners) * 100 / self.applications).quantize(Decimal("0.1"))
