"""Funders and their competitions, followed by members and reminded of."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ._shared import money_field


class Funder(models.Model):
    class Kind(models.TextChoices):
        FEDERAL_FUND = "federal_fund", _("federal grant operator")
        REGIONAL_SUBSIDY = "regional_subsidy", _("regional subsidies")
        MUNICIPAL_SUBSIDY = "municipal_subsidy", _("municipal subsidies")
        PRIVATE_FOUNDATION = "private_foundation", _("private foundation")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=300, unique=True)
    short_name = models.CharField(_("short name"), max_length=60)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    position = models.PositiveSmallIntegerField(_("order in lists"), default=100)

    class Meta:
        verbose_name = _("funder")
        verbose_name_plural = _("funders")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.short_name


class Competition(models.Model):
    """One competition of a funder: when applications are accepted, when projects may run, how
    much may be asked and what share the applicant must find elsewhere."""

    funder = models.ForeignKey(
        Funder, verbose_name=_("funder"), on_delete=models.PROTECT, related_name="competitions"
    )
    title = models.CharField(_("competition title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    directions = models.ManyToManyField(
        "organizations.Sphere",
        verbose_name=_("directions"),
        blank=True,
        related_name="grant_competitions",
    )
    applications_open_on = models.DateField(_("applications open"))
    applications_close_on = models.DateField(_("applications close"), db_index=True)
    implementation_starts_from = models.DateField(_("projects may start from"))
    implementation_ends_by = models.DateField(_("projects must end by"))
    min_amount = money_field(_("minimum amount, ₽"))
    max_amount = money_field(_("maximum amount, ₽"))
    cofinancing_min_percent = models.DecimalField(
        _("minimum co-financing, per cent of the total"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    vague_budget_item_max_percent = models.DecimalField(
        _("largest share of one non-specific budget item, per cent of the requested amount"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("20"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
        help_text=_(
            "Items like «Other expenses» that do not say what the money buys; the checker "
            "blocks an application where one such item takes more."
        ),
    )
    url = models.URLField(_("link"), blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("competition")
        verbose_name_plural = _("competitions")
        ordering = ["applications_close_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(applications_close_on__gte=F("applications_open_on")),
                name="competition_closes_after_opens",
            ),
            models.CheckConstraint(
                condition=Q(implementation_ends_by__gte=F("implementation_starts_from")),
                name="competition_implementation_period_valid",
            ),
            models.CheckConstraint(
                condition=Q(min_amount__gte=0) & Q(max_amount__gte=F("min_amount")),
                name="competition_amount_range_valid",
            ),
            models.CheckConstraint(
                condition=Q(cofinancing_min_percent__gte=0) & Q(cofinancing_min_percent__lte=100),
                name="competition_cofinancing_percent_valid",
            ),
            models.CheckConstraint(
                condition=Q(vague_budget_item_max_percent__gte=0)
                & Q(vague_budget_item_max_percent__lte=100),
                name="competition_vague_budget_percent_valid",
            ),
            models.UniqueConstraint(fields=["funder", "title"], name="competition_unique_title"),
        ]

    def __str__(self) -> str:
        return self.title

    def is_open_on(self, day: date) -> bool:
        return self.applications_open_on <= day <= self.applications_close_on

    def days_left(self, day: date) -> int:
        return (self.applications_close_on - day).days


class CompetitionFollow(models.Model):
    """A person follows a competition and is reminded before applications close."""

    competition = models.ForeignKey(Competition, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_competitions"
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("followed competition")
        verbose_name_plural = _("followed competitions")
        constraints = [
            models.UniqueConstraint(fields=["competition", "user"], name="follow_unique_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.competition}"


class CompetitionReminder(models.Model):
    """A reminder sent to a follower N days before the competition closes; the unique constraint
    makes the reminder job idempotent."""

    follow = models.ForeignKey(
        CompetitionFollow, on_delete=models.CASCADE, related_name="reminders"
    )
    days_before = models.PositiveSmallIntegerField(_("days before closing"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("competition reminder")
        verbose_name_plural = _("competition reminders")
        constraints = [
            models.UniqueConstraint(fields=["follow", "days_before"], name="reminder_sent_once")
        ]

    def __str__(self) -> str:
        return f"{self.follow} ({self.days_before})"
