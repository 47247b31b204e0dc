"""Applications to competitions with their tasks, team, budget and plan."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.projects.models import NumberedTask

from ._shared import money_field, validate_fund_number
from .competitions import Competition, Funder


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
        PREMISES = "premises", pgettext_lazy("budget category", "premises")
        EVENTS = "events", _("events")
        PUBLICITY = "publicity", _("publications and publicity")
        OTHER = "other", pgettext_lazy("budget category", "other")

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
    title = models.CharField(pgettext_lazy("calendar plan", "event"), max_length=500)
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
