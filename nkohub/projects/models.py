"""Social projects of organisations, the fair where they are presented, sponsors' pledges and
partnerships.

The grants app builds applications from a `Project`: title, summary, goal, `tasks` (ordered
`ProjectTask` rows), social significance, geography (`covers_whole_region` + `municipalities`),
`target_groups` (one per line, see `target_group_list`), dates, budget (`budget_total`,
`own_contribution`, `cofinancing`) and `planned_results` (`PlannedResult`: indicator name, unit,
planned and actual values).
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.images import MB, ImageSlot, slot_url


def normalize_search(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


NON_NEGATIVE = [MinValueValidator(Decimal("0"))]


class FairSeason(models.Model):
    """One fair of social projects (e.g. «Ярмарка социальных проектов 2026»): organisations submit
    projects between `submissions_open_on` and `submissions_close_on`; the fair itself runs
    from `starts_on` to `ends_on`."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    submissions_open_on = models.DateField(_("submissions open"))
    submissions_close_on = models.DateField(_("submissions close"))
    starts_on = models.DateField(_("fair starts"))
    ends_on = models.DateField(_("fair ends"))
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    # What operators fill in (forms and services share the list).
    EDITABLE_FIELDS: tuple[str, ...] = (
        "title",
        "slug",
        "description",
        "submissions_open_on",
        "submissions_close_on",
        "starts_on",
        "ends_on",
    )

    class Meta:
        verbose_name = _("fair season")
        verbose_name_plural = _("fair seasons")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(submissions_close_on__gte=models.F("submissions_open_on")),
                name="fairseason_submissions_close_after_open",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="fairseason_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        opens, closes = self.submissions_open_on, self.submissions_close_on
        if opens and closes and closes < opens:
            errors["submissions_close_on"] = _("Submissions cannot close before they open.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The fair cannot end before it starts.")
        if opens and self.ends_on and opens > self.ends_on:
            errors["submissions_open_on"] = _("Submissions must open before the fair ends.")
        if errors:
            raise ValidationError(errors)


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


class ProjectTask(models.Model):
    """One of the project's tasks, in order (1, 2, 3…)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("task"))

    class Meta:
        verbose_name = _("project task")
        verbose_name_plural = _("project tasks")
        ordering = ["project", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "position"], name="projecttask_unique_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.text[:60]}"


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


class FairEntry(models.Model):
    """A project submitted to a fair season; the operator accepts or rejects it.
    Accepted entries are what visitors browse at /fair/."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("under review")
        ACCEPTED = "accepted", _("accepted to the fair")
        REJECTED = "rejected", _("not accepted")
        WITHDRAWN = "withdrawn", _("withdrawn from the fair")

    season = models.ForeignKey(FairSeason, on_delete=models.CASCADE, related_name="entries")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="fair_entries")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("operator's comment"), blank=True)

    class Meta:
        verbose_name = _("fair entry")
        verbose_name_plural = _("fair entries")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["season", "project"], name="fairentry_unique_project_season"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} — {self.season}"


class Pledge(models.Model):
    """Support offered to a project by a business, another NGO (`organization`) or a person
    (`organization` empty). The project's team accepts (a `Partnership` is created) or declines."""

    class Kind(models.TextChoices):
        MONEY = "money", _("money")
        GOODS = "goods", _("goods")
        PRO_BONO = "pro_bono", _("pro bono work")
        PREMISES = "premises", _("premises")
        MEDIA = "media", _("media")

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("pledge status", "awaiting the team's answer")
        ACCEPTED = "accepted", pgettext_lazy("pledge status", "accepted")
        DECLINED = "declined", pgettext_lazy("pledge status", "declined")
        WITHDRAWN = "withdrawn", pgettext_lazy("pledge status", "withdrawn")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="pledges")
    need = models.ForeignKey(
        ProjectNeed,
        verbose_name=_("need it covers"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pledges",
    )
    pledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="project_pledges",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="project_pledges",
    )
    kind = models.CharField(_("kind of support"), max_length=20, choices=Kind.choices)
    amount = models.DecimalField(
        _("amount or quantity"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_(
            "For money: rubles and kopecks. For other kinds: in the unit of the need, if any."
        ),
    )
    description = models.TextField(_("what exactly"), blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("pledged"), auto_now_add=True)

    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.PENDING: (Status.ACCEPTED, Status.DECLINED, Status.WITHDRAWN),
        Status.ACCEPTED: (),
        Status.DECLINED: (),
        Status.WITHDRAWN: (),
    }

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gt=0), name="pledge_amount_positive"
            ),
            models.CheckConstraint(
                condition=~Q(kind="money") | Q(amount__isnull=False), name="pledge_money_has_amount"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.project}"

    @property
    def pledger_name(self) -> str:
        if self.organization_id:
            return str(self.organization)
        return self.pledged_by.display_name if self.pledged_by else "—"

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, ())


class Partnership(models.Model):
    """An accepted pledge: the project and its partner work together; fulfilment is recorded."""

    class Status(models.TextChoices):
        ACTIVE = "active", pgettext_lazy("partnership status", "in progress")
        FULFILLED = "fulfilled", pgettext_lazy("partnership status", "fulfilled")
        CANCELLED = "cancelled", pgettext_lazy("partnership status", "ended")

    pledge = models.OneToOneField(Pledge, on_delete=models.CASCADE, related_name="partnership")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return str(self.pledge)


class Fulfilment(models.Model):
    """A record that part (or all) of a partnership's pledge has been delivered."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="fulfilments"
    )
    received_on = models.DateField(_("date"))
    amount = models.DecimalField(
        _("amount or quantity received"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("fulfilment record")
        verbose_name_plural = _("fulfilment records")
        ordering = ["partnership", "received_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gt=0),
                name="fulfilment_amount_positive",
            )
        ]

    def __str__(self) -> str:
        return f"{self.received_on}: {self.amount or self.note[:40]}"


class SponsorPreferences(models.Model):
    """A business's chosen spheres and territories: the sponsors' view shows matching projects."""

    organization = models.OneToOneField(
        "organizations.Organization", on_delete=models.CASCADE, related_name="sponsor_preferences"
    )
    spheres = models.ManyToManyField(
        "organizations.Sphere", verbose_name=_("spheres"), blank=True, related_name="+"
    )
    municipalities = models.ManyToManyField(
        "territories.Municipality", verbose_name=_("municipalities"), blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("sponsor's preferences")
        verbose_name_plural = _("sponsors' preferences")

    def __str__(self) -> str:
        return str(self.organization)
