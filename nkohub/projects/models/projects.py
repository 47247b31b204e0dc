"""Projects with their tasks, needs, planned results, team and result photos."""

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.images import MB, ImageSlot, slot_url

from ._shared import NON_NEGATIVE, normalize_search

if TYPE_CHECKING:
    from nkohub.projects.selectors import CoverageSummary


def project_cover_path(instance: "Project", filename: str) -> str:
    return f"projects/covers/{filename}"


# A project's cover: cut to 16:9, 960×540 — enough for a card and the project's page.
COVER = ImageSlot(field="cover", thumbnail_field="cover_thumbnail", size=(960, 540), crop=True)
COVER_MAX_BYTES = 5 * MB
COVER_MIN_SIZE = (480, 270)


class Project(models.Model):
    class Status(models.TextChoices):
        IDEA = "idea", pgettext_lazy("project status", "idea")
        PREPARING = "preparing", pgettext_lazy("project status", "preparing")
        SEEKING_PARTNERS = "seeking_partners", pgettext_lazy("project status", "seeking partners")
        RUNNING = "running", pgettext_lazy("project status", "running")
        COMPLETED = "completed", pgettext_lazy("project status", "completed")
        CANCELLED = "cancelled", pgettext_lazy("project status", "cancelled")

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"))
    goal = models.TextField(_("goal"), blank=True)
    social_significance = models.TextField(_("social significance"), blank=True)
    spheres = models.ManyToManyField(
        "organizations.Sphere", verbose_name=_("spheres"), blank=True, related_name="projects"
    )
    covers_whole_region = models.BooleanField(_("the whole region"), default=False)
    municipalities = models.ManyToManyField(
        "territories.Municipality",
        verbose_name=_("municipalities"),
        blank=True,
        related_name="projects",
    )
    target_groups = models.TextField(
        _("target groups"), blank=True, help_text=_("One group per line.")
    )
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    budget_total = models.DecimalField(
        _("total budget, ₽"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        validators=NON_NEGATIVE,
    )
    own_contribution = models.DecimalField(
        _("own contribution, ₽"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        validators=NON_NEGATIVE,
    )
    cofinancing = models.DecimalField(
        _("co-financing, ₽"),
        max_digits=14,
        decimal_places=2,
        default=Decimal("0"),
        validators=NON_NEGATIVE,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IDEA, db_index=True
    )
    cover = models.ImageField(
        _("cover image"),
        upload_to=project_cover_path,
        blank=True,
        help_text=_("A photo or picture for the project's card at the fair."),
    )
    # Made once from the cover in the background (nkohub.core.images); empty until then.
    cover_thumbnail = models.ImageField(
        _("cover thumbnail"), upload_to=project_cover_path, blank=True, editable=False
    )
    outcome_story = models.TextField(_("outcome story"), blank=True)
    results_reported_at = models.DateTimeField(_("results reported"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Lower-cased title, summary and organisation name (ё as е), kept by the services: SQLite's
    # LIKE folds only ASCII case, so the fair's search compares against this.
    search_text = models.TextField(editable=False, blank=True, default="")

    # The lifecycle in one place: status -> statuses it may move to.
    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.IDEA: (Status.PREPARING, Status.SEEKING_PARTNERS, Status.CANCELLED),
        Status.PREPARING: (Status.IDEA, Status.SEEKING_PARTNERS, Status.RUNNING, Status.CANCELLED),
        Status.SEEKING_PARTNERS: (Status.PREPARING, Status.RUNNING, Status.CANCELLED),
        Status.RUNNING: (Status.COMPLETED, Status.CANCELLED),
        Status.COMPLETED: (),
        Status.CANCELLED: (Status.IDEA,),
    }
    # Statuses in which the project accepts pledges and may be submitted to a fair.
    OPEN_STATUSES: tuple[str, ...] = (
        Status.IDEA,
        Status.PREPARING,
        Status.SEEKING_PARTNERS,
        Status.RUNNING,
    )

    # Set on the cards of a list by `selectors.with_coverage`; not a column.
    coverage: "CoverageSummary | None"

    class Meta:
        verbose_name = _("social project")
        verbose_name_plural = _("social projects")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="project_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(budget_total__gte=0)
                & Q(own_contribution__gte=0)
                & Q(cofinancing__gte=0),
                name="project_money_non_negative",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "status"]),
            # The fair's order: its first page is read from this index, not sorted.
            models.Index(fields=["-created_at", "-id"], name="projects_project_created_desc"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def cover_src(self) -> str:
        """The cover's thumbnail when it is ready, the original until then, "" without a cover."""
        return slot_url(self, COVER)

    @property
    def cover_tone(self) -> int:
        """One of six colours for the placeholder of a project without a cover."""
        return (self.pk or 0) % 6

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, ())

    def build_search_text(self) -> str:
        return normalize_search(f"{self.title} {self.summary} {self.organization}")

    @property
    def next_statuses(self) -> list[tuple[str, str]]:
        return [(s, str(self.Status(s).label)) for s in self.TRANSITIONS.get(self.status, ())]

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def target_group_list(self) -> list[str]:
        return [
            line.strip(" \t-•·") for line in self.target_groups.splitlines() if line.strip(" \t-•·")
        ]

    @property
    def requested_amount(self) -> Decimal:
        """What remains to be found: the budget less own contribution and co-financing (>= 0)."""
        return max(self.budget_total - self.own_contribution - self.cofinancing, Decimal("0"))


class NumberedTask(models.Model):
    """A task in a numbered list (1, 2, 3…): a project's and, copied from it, a grant application's
    (`grants.ApplicationTask`). The subclass adds the foreign key to its owner and the uniqueness of
    the number within it."""

    position = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("task"))

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.position}. {self.text[:60]}"


class ProjectTask(NumberedTask):
    """One of the project's tasks, in order (1, 2, 3…)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="tasks")

    class Meta:
        verbose_name = _("project task")
        verbose_name_plural = _("project tasks")
        ordering = ["project", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "position"], name="projecttask_unique_position"
            )
        ]


class ProjectNeed(models.Model):
    """What the project needs from partners: a kind, what exactly, and how much (in `unit`;
    for money the quantity is rubles with kopecks)."""

    class Kind(models.TextChoices):
        MONEY = "money", _("money")
        VOLUNTEERS = "volunteers", _("volunteers")
        PREMISES = "premises", _("premises")
        EQUIPMENT = "equipment", _("equipment")
        EXPERTISE = "expertise", _("expertise")
        MEDIA = "media", _("media support")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="needs")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    description = models.CharField(_("what is needed"), max_length=300)
    quantity = models.DecimalField(
        _("how much"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    unit = models.CharField(_("unit"), max_length=30, blank=True, help_text=_("For money: rubles."))
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("project need")
        verbose_name_plural = _("project needs")
        ordering = ["project", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quantity__gt=0), name="projectneed_quantity_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description}"

    @property
    def is_money(self) -> bool:
        return self.kind == self.Kind.MONEY

    @property
    def unit_label(self) -> str:
        return "₽" if self.is_money else self.unit


class PlannedResult(models.Model):
    """A planned result measured by an indicator (name, unit, planned value); the team reports the
    actual value later."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="planned_results")
    position = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=30)
    planned_value = models.DecimalField(
        _("planned value"), max_digits=14, decimal_places=2, validators=NON_NEGATIVE
    )
    actual_value = models.DecimalField(
        _("actual value"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=NON_NEGATIVE,
    )

    class Meta:
        verbose_name = _("planned result")
        verbose_name_plural = _("planned results")
        ordering = ["project", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "position"], name="plannedresult_unique_position"
            ),
            models.CheckConstraint(
                condition=Q(planned_value__gte=0), name="plannedresult_planned_non_negative"
            ),
            models.CheckConstraint(
                condition=Q(actual_value__isnull=True) | Q(actual_value__gte=0),
                name="plannedresult_actual_non_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def achievement_percent(self) -> int | None:
        if self.actual_value is None or not self.planned_value:
            return None
        return int(self.actual_value * 100 / self.planned_value)


class TeamMember(models.Model):
    """A person in the project's team; `user` links a platform account when there is one."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="project_roles",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role in the project"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["project", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.role})"


def result_photo_path(instance: "ResultPhoto", filename: str) -> str:
    return f"projects/{instance.project_id}/results/{filename}"


class ResultPhoto(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="result_photos")
    image = models.ImageField(_("photo"), upload_to=result_photo_path)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("result photo")
        verbose_name_plural = _("result photos")
        ordering = ["project", "created_at", "pk"]

    def __str__(self) -> str:
        return self.caption or str(self.image.name)
