"""A funder's own call: its rules, criteria, required documents and own questions."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.grants.models import money_field


class Call(models.Model):
    """A competition a funder organisation runs on the platform. Its dates, sums, co-financing and
    directions are kept here; publishing puts a `grants.Competition` with the same rules on the
    calendar (and every later save keeps it in step), so the builder's checker applies them."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("call status", "draft")
        PUBLISHED = "published", pgettext_lazy("call status", "accepting applications")
        REVIEW = "review", pgettext_lazy("call status", "under review")
        RESULTS = "results", pgettext_lazy("call status", "results published")

    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.DRAFT: (Status.PUBLISHED,),
        Status.PUBLISHED: (Status.REVIEW,),
        Status.REVIEW: (Status.RESULTS,),
        Status.RESULTS: (),
    }

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("funder organisation"),
        on_delete=models.PROTECT,
        related_name="competition_calls",
    )
    competition = models.OneToOneField(
        "grants.Competition",
        verbose_name=_("competition on the calendar"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="call",
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    eligibility = models.TextField(_("who may apply"), blank=True)
    directions = models.ManyToManyField(
        "organizations.Sphere", verbose_name=_("directions"), blank=True, related_name="+"
    )
    applications_open_on = models.DateField(_("applications open"))
    applications_close_on = models.DateField(_("applications close"))
    implementation_starts_from = models.DateField(_("projects may start from"))
    implementation_ends_by = models.DateField(_("projects must end by"))
    min_amount = money_field(_("minimum amount, ₽"))
    max_amount = money_field(_("maximum amount, ₽"))
    budget_total = money_field(_("money of the call, ₽"), optional=True)
    cofinancing_min_percent = models.DecimalField(
        _("minimum co-financing, per cent of the total"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    reviews_per_submission = models.PositiveSmallIntegerField(
        _("reviews per submission"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    score_gap = models.DecimalField(
        _("gap between two reviews that calls for a third, per cent of the maximum"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("20"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))],
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ["-applications_close_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "title"], name="call_unique_title"),
            models.CheckConstraint(
                condition=Q(applications_close_on__gte=F("applications_open_on")),
                name="call_closes_after_opens",
            ),
            models.CheckConstraint(
                condition=Q(implementation_ends_by__gte=F("implementation_starts_from")),
                name="call_implementation_period_valid",
            ),
            models.CheckConstraint(
                condition=Q(min_amount__gte=0) & Q(max_amount__gte=F("min_amount")),
                name="call_amount_range_valid",
            ),
            models.CheckConstraint(
                condition=Q(score_gap__gte=0) & Q(score_gap__lte=100), name="call_score_gap_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, ())

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT


class Criterion(models.Model):
    """A criterion experts score on a scale 0…`max_score`; the total weighs them."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("criterion"), max_length=300)
    description = models.TextField(_("what the expert looks at"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    max_score = models.PositiveSmallIntegerField(
        _("highest score"), default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["call", "position"]
        constraints = [
            models.UniqueConstraint(fields=["call", "position"], name="criterion_unique_position"),
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
            models.CheckConstraint(condition=Q(max_score__gte=1), name="criterion_scale_valid"),
        ]

    def __str__(self) -> str:
        return self.name


class RequiredDocument(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="required_documents")
    position = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("document"), max_length=300)
    is_required = models.BooleanField(_("required"), default=True)

    class Meta:
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")
        ordering = ["call", "position"]
        constraints = [
            models.UniqueConstraint(fields=["call", "position"], name="requireddoc_unique_position")
        ]

    def __str__(self) -> str:
        return self.name


class CallQuestion(models.Model):
    """A question of the funder's own, answered with the submission."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("number"))
    text = models.CharField(_("question"), max_length=500)
    is_required = models.BooleanField(_("required"), default=True)

    class Meta:
        verbose_name = _("question of the funder")
        verbose_name_plural = _("questions of the funder")
        ordering = ["call", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "position"], name="callquestion_unique_position"
            )
        ]

    def __str__(self) -> str:
        return self.text
