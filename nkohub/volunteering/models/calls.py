"""Volunteer calls: what an organisation needs people for, when and where, the skills it asks, the
people who respond, and the hours the organisation records and confirms for them."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Skill(models.Model):
    """What a call asks of its volunteers; the list is the operators' (seeded by reference.py)."""

    slug = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(pgettext_lazy("skill field", "name"), max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("volunteer skill")
        verbose_name_plural = _("volunteer skills")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class VolunteerCall(models.Model):
    class Status(models.TextChoices):
        PUBLISHED = "published", pgettext_lazy("volunteer call", "open")
        CANCELLED = "cancelled", pgettext_lazy("volunteer call", "cancelled")

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="volunteer_calls",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="volunteer_calls",
    )
    title = models.CharField(pgettext_lazy("volunteer call field", "what"), max_length=200)
    description = models.TextField(_("what volunteers will do"), max_length=5000)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(
        _("ends"), help_text=_("The same day for an event, a later date for a period.")
    )
    is_online = models.BooleanField(_("online"), default=False)
    municipality = models.ForeignKey(
        "territories.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    places = models.PositiveIntegerField(
        _("volunteers needed"), validators=[MinValueValidator(1), MaxValueValidator(10_000)]
    )
    places_taken = models.PositiveIntegerField(_("volunteers accepted"), default=0, editable=False)
    skills = models.ManyToManyField(
        Skill, verbose_name=_("skills"), blank=True, related_name="calls"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PUBLISHED
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("volunteer call")
        verbose_name_plural = _("volunteer calls")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(
                fields=["status", "ends_at", "starts_at"], name="volunteering_call_open_idx"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="volunteering_call_period_ordered"
            ),
            models.CheckConstraint(
                condition=Q(places_taken__lte=F("places")), name="volunteering_call_not_overfull"
            ),
            models.CheckConstraint(
                condition=Q(is_online=True) | Q(municipality__isnull=False),
                name="volunteering_call_has_a_place",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("volunteering:call", args=[self.pk])

    @property
    def places_left(self) -> int:
        return max(0, self.places - self.places_taken)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PUBLISHED


class VolunteerResponse(models.Model):
    """A person's answer to a call (once per call), the organisation's decision, and then their hours."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("volunteer response", "waiting")
        ACCEPTED = "accepted", pgettext_lazy("volunteer response", "accepted")
        DECLINED = "declined", pgettext_lazy("volunteer response", "declined")

    class Hours(models.TextChoices):
        NONE = "", pgettext_lazy("volunteer hours", "not recorded")
        RECORDED = "recorded", pgettext_lazy("volunteer hours", "recorded")
        CONFIRMED = "confirmed", pgettext_lazy("volunteer hours", "confirmed")
        DISPUTED = "disputed", pgettext_lazy("volunteer hours", "disputed")

    call = models.ForeignKey(
        VolunteerCall,
        verbose_name=_("volunteer call"),
        on_delete=models.CASCADE,
        related_name="responses",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="volunteer_responses",
    )
    message = models.TextField(_("message to the organisation"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    hours = models.DecimalField(
        _("hours"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("2000"))],
    )
    hours_status = models.CharField(
        _("hours"), max_length=20, choices=Hours.choices, default=Hours.NONE, blank=True
    )
    hours_confirmed_at = models.DateTimeField(_("hours confirmed"), null=True, blank=True)
    dispute = models.TextField(_("why the hours are wrong"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("responded"), auto_now_add=True)

    class Meta:
        verbose_name = _("response to a volunteer call")
        verbose_name_plural = _("responses to volunteer calls")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["call", "user"], name="volunteering_response_once"),
            models.CheckConstraint(
                condition=Q(hours_status="") | Q(status="accepted", hours__isnull=False),
                name="volunteering_hours_of_accepted",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.call}"


class VolunteerProfile(models.Model):
    """A person's choice whether their volunteer record is public (private by default)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="volunteer_profile",
    )
    record_public = models.BooleanField(
        _("show my volunteer record on my public page"), default=False
    )
    changed_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")

    def __str__(self) -> str:
        return str(self.user)
