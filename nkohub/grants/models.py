"""Funders, competitions, applications (a versioned document built from a project), outcomes and
comparison figures of other regions.

An application copies the project's fields when it starts: from then on it is an independent
document. Every save by the builder stores an `ApplicationVersion` with a snapshot of the whole
document (fields, tasks, budget, calendar plan) that can be compared and restored.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.storage import private_storage
from nkohub.projects.models import NumberedTask

NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


def money_field(label: Any, *, optional: bool = False, **extra: Any) -> Any:
    """Rubles with kopecks, never negative; `optional` money may be unknown (NULL)."""
    if optional:
        extra.update(null=True, blank=True)
    else:
        extra.setdefault("default", Decimal("0"))
    extra.setdefault("max_digits", 14)
    return models.DecimalField(label, decimal_places=2, validators=NON_NEGATIVE, **extra)


FUND_NUMBER_RE = r"^\d{2}-\d-\d{6}$"
validate_fund_number = RegexValidator(
    FUND_NUMBER_RE,
    _("The Fund's application number looks like 23-1-012905: two digits, one, six."),
)


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


class Application(models.Model):
    """An application of an organisation to a competition, in the Fund's structure."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("grant application status", "draft")
        SUBMITTED = "submitted", pgettext_lazy("grant application status", "submitted")
        WON = "won", pgettext_lazy("grant application status", "won")
        NOT_SUPPORTED = "not_supported", pgettext_lazy("grant application status", "not supported")
        WITHDRAWN = "withdrawn", pgettext_lazy("grant application status", "withdrawn")

    class Source(models.TextChoices):
        BUILDER = "builder", _("built on the platform")
        FUND_CARD = "fund_card", _("Fund's project card")

    # The lifecycle in one place: status -> statuses it may move to.
    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.DRAFT: (Status.SUBMITTED, Status.WITHDRAWN),
        Status.SUBMITTED: (Status.WON, Status.NOT_SUPPORTED, Status.WITHDRAWN),
        Status.WON: (),
        Status.NOT_SUPPORTED: (),
        Status.WITHDRAWN: (Status.DRAFT,),
    }
    # Statuses counted as applications actually made to a funder.
    FILED_STATUSES: tuple[str, ...] = (Status.SUBMITTED, Status.WON, Status.NOT_SUPPORTED)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="grant_applications",
    )
    competition = models.ForeignKey(
        Competition,
        verbose_name=_("competition"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    competition_title = models.CharField(
        _("competition as written on the card"), max_length=300, blank=True
    )
    funder = models.ForeignKey(
        Funder,
        verbose_name=_("funder"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project it started from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="grant_applications",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.BUILDER
    )
    fund_number = models.CharField(
        _("Fund's application number"),
        max_length=12,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_fund_number],
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    awarded_amount = money_field(_("amount awarded, ₽"), optional=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    # The document (Fund's structure).
    title = models.CharField(_("project title"), max_length=300)
    direction = models.ForeignKey(
        "organizations.Sphere",
        verbose_name=_("grant direction"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grant_applications",
    )
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    requested_amount = money_field(_("requested amount, ₽"))
    cofinancing_amount = money_field(_("co-financing, ₽"))
    total_amount = money_field(_("total cost of the project, ₽"))
    summary = models.TextField(_("short description"), blank=True)
    goal = models.TextField(_("goal"), blank=True)
    social_significance = models.TextField(_("justification of social significance"), blank=True)
    covers_whole_region = models.BooleanField(_("the whole region"), default=False)
    municipalities = models.ManyToManyField(
        "territories.Municipality",
        verbose_name=_("municipalities"),
        blank=True,
        related_name="grant_applications",
    )
    geography = models.TextField(_("geography"), blank=True)
    target_groups = models.TextField(
        _("target groups"), blank=True, help_text=_("One group per line.")
    )
    contacts = models.TextField(_("contact information"), blank=True)
    cofinancing_sources = models.TextField(
        _("sources of co-financing and own contribution"),
        blank=True,
        help_text=_("Who contributes what: money, premises, volunteers' work, equipment."),
    )
    version = models.PositiveIntegerField(_("version"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("grant application")
        verbose_name_plural = _("grant applications")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="application_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(requested_amount__gte=0)
                & Q(cofinancing_amount__gte=0)
                & Q(total_amount__gte=0),
                name="application_money_non_negative",
            ),
            models.CheckConstraint(
                condition=~Q(status="won") | Q(awarded_amount__isnull=False),
                name="application_won_has_amount",
            ),
            models.CheckConstraint(
                condition=Q(status="draft")
                | Q(status="withdrawn")
                | Q(fund_number__isnull=False)
                | Q(source="fund_card"),
                name="application_filed_has_number",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "status"]),
            models.Index(fields=["status", "submitted_on"]),
        ]

    def __str__(self) -> str:
        return self.title

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, ())

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def target_group_list(self) -> list[str]:
        return [
            line.strip(" \t-•·") for line in self.target_groups.splitlines() if line.strip(" \t-•·")
        ]

    @property
    def year(self) -> int | None:
        if self.submitted_on:
            return self.submitted_on.year
        if self.competition_id and self.competition:
            return self.competition.applications_close_on.year
        return None


class ApplicationTask(NumberedTask):
    """One of the application's tasks, in order; filled from the project's tasks."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="tasks")

    class Meta:
        verbose_name = _("task of an application")
        verbose_name_plural = _("tasks of applications")
        ordering = ["application", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "position"], name="applicationtask_unique_position"
            )
        ]


class TeamMember(models.Model):
    """A member of the project's team, as the Fund's form asks: who, what role, what experience."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="team")
    position = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role in the project"), max_length=200)
    experience = models.TextField(_("experience and competences"), blank=True)

    class Meta:
        verbose_name = _("member of the project team")
        verbose_name_plural = _("members of project teams")
        ordering = ["application", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "position"], name="teammember_unique_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class BudgetItem(models.Model):
    """A line of the budget: what the requested money (and co-financing) is spent on."""

    class Category(models.TextChoices):
        PAY = "pay", _("pay of the team")
        CONTRACTORS = "contractors", _("contractors and services")
        TRAVEL = "travel", _("travel")
        EQUIPMENT = "equipment", _("equipment and materials")
        PREMISES = "premises", _("premises")
        EVENTS = "events", _("events")
        PUBLICITY = "publicity", _("publications and publicity")
        OTHER = "other", _("other")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="budget_items"
    )
    position = models.PositiveSmallIntegerField(_("number"))
    category = models.CharField(
        _("category"), max_length=20, choices=Category.choices, default=Category.OTHER
    )
    name = models.CharField(_("item"), max_length=300)
    amount = money_field(_("requested from the funder, ₽"))
    cofinancing = money_field(_("co-financing, ₽"))

    class Meta:
        verbose_name = _("budget item")
        verbose_name_plural = _("budget items")
        ordering = ["application", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "position"], name="budgetitem_unique_position"
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0) & Q(cofinancing__gte=0),
                name="budgetitem_money_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class PlanEvent(models.Model):
    """An event of the calendar plan, serving one task (by its number)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="plan_events"
    )
    position = models.PositiveSmallIntegerField(_("number"))
    task_number = models.PositiveSmallIntegerField(_("task number"))
    title = models.CharField(_("event"), max_length=500)
    starts_on = models.DateField(pgettext_lazy("dates", "from"), null=True, blank=True)
    ends_on = models.DateField(pgettext_lazy("dates", "to"), null=True, blank=True)
    expected_result = models.TextField(_("expected result"), blank=True)

    class Meta:
        verbose_name = _("event of the calendar plan")
        verbose_name_plural = _("events of the calendar plan")
        ordering = ["application", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "position"], name="planevent_unique_position"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="planevent_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title


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
    source = models.CharField(_("source of the figures"), max_length=300, blank=True)
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
                fields=["region", "funder", "year_from", "year_to"],
                name="comparison_unique_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region}, {self.funder}, {self.year_from}–{self.year_to}"

    @property
    def success_percent(self) -> Decimal | None:
        if not self.applications:
            return None
        return (Decimal(self.winners) * 100 / self.applications).quantize(Decimal("0.1"))
