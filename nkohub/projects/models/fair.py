"""The fair: entries, sponsors' pledges, partnerships, their fulfilment and sponsors' preferences."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .projects import Project, ProjectNeed
from .seasons import FairSeason


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
