"""Figures the platform cannot see by itself (entered or imported by an operator, each with its
source and date), the dashboard's public blocks, and the sector reports made."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nkohub.core.storage import private_storage
from nkohub.core.validators import validate_inn

YEARS = [MinValueValidator(2000), MaxValueValidator(2100)]


class Subsidy(models.Model):
    """One recipient's regional subsidy, as the ministry's published decision lists it."""

    recipient = models.CharField(_("recipient"), max_length=500)
    inn = models.CharField(_("INN"), max_length=12, validators=[validate_inn])
    direction = models.CharField(_("direction of support"), max_length=300)
    sphere = models.CharField(_("sphere of activity"), max_length=300, blank=True)
    amount = models.DecimalField(
        _("amount, ₽"),
        max_digits=16,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEARS)
    source = models.CharField(_("source of the figures"), max_length=300)
    source_date = models.DateField(_("date of the source"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)

    class Meta:
        verbose_name = _("regional subsidy")
        verbose_name_plural = _("regional subsidies")
        ordering = ["-year", "direction", "recipient", "pk"]
        indexes = [models.Index(fields=["year", "direction"], name="subsidy_year_direction")]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="subsidy_amount_positive"),
            models.UniqueConstraint(
                fields=["year", "inn", "direction"], name="subsidy_unique_recipient_direction"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient}, {self.year}"


class MediaFigure(models.Model):
    """The region's media activity for a month (or a whole year when `month` is empty): its place in
    a media rating, publications and mentions of the region's NGOs."""

    year = models.PositiveSmallIntegerField(_("year"), validators=YEARS)
    month = models.PositiveSmallIntegerField(
        _("month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    rating_place = models.PositiveSmallIntegerField(
        _("place in the media rating"), null=True, blank=True
    )
    publications = models.PositiveIntegerField(_("publications"), default=0)
    mentions = models.PositiveIntegerField(_("mentions"), default=0)
    source = models.CharField(_("source of the figures"), max_length=300)
    source_date = models.DateField(_("date of the source"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)

    class Meta:
        verbose_name = _("media figures")
        verbose_name_plural = _("media figures")
        ordering = ["-year", "-month"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "month"],
                condition=Q(month__isnull=False),
                name="media_figure_unique_month",
            ),
            models.UniqueConstraint(
                fields=["year"], condition=Q(month__isnull=True), name="media_figure_unique_year"
            ),
            models.CheckConstraint(
                condition=Q(month__isnull=True) | Q(month__gte=1, month__lte=12),
                name="media_figure_month_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month or '—'}.{self.year}"


class DashboardBlock(models.Model):
    """Whether a block of the dashboard is shown to everyone (operators always see every block)."""

    key = models.CharField(_("block"), max_length=40, unique=True)
    is_public = models.BooleanField(_("public"), default=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("dashboard block")
        verbose_name_plural = _("dashboard blocks")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class SectorReport(models.Model):
    """The regional sector report for a period, rendered in a task as HTML, PDF and XLSX."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("being made")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    start = models.DateField(_("period from"))
    end = models.DateField(_("period to"))
    conclusions = models.TextField(_("conclusions"), blank=True, max_length=20000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress, %"), default=0)
    error = models.CharField(_("error"), max_length=1000, blank=True)
    html = models.FileField(
        _("HTML"), upload_to="analytics/reports/", storage=private_storage, blank=True
    )
    pdf = models.FileField(
        _("PDF"), upload_to="analytics/reports/", storage=private_storage, blank=True
    )
    xlsx = models.FileField(
        _("XLSX"), upload_to="analytics/reports/", storage=private_storage, blank=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("ordered"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("sector report")
        verbose_name_plural = _("sector reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="report_period_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.start:%d.%m.%Y}–{self.end:%d.%m.%Y}"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    def filename(self, extension: str) -> str:
        if (
            self.start.month == 1
            and self.start.day == 1
            and self.end.month == 12
            and self.end.day == 31
        ):
            period = (
                str(self.start.year)
                if self.start.year == self.end.year
                else f"{self.start.year}-{self.end.year}"
            )
        else:
            period = f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"
        return f"otchet-nko-{period}.{extension}"
