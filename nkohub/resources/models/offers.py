"""Offers: what is shared, its weekly availability, exceptions and photos."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.resources.validators import validate_photo

from .choices import BOOKABLE_CATEGORIES, Category, Terms


class ResourceListing(models.Model):
    """What an offer and a request both are: a listing of a category, found by the resource bank's
    search (lemmas and, on PostgreSQL, a tsvector kept by the services), with its demo flag and
    times. Each subclass adds its owner, place, dates and statuses with their transitions."""

    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    title = models.CharField(_("title"), max_length=200)
    search_lemmas = models.TextField(_("lemmas for search"), blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


class ResourceOffer(ResourceListing):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        PAUSED = "paused", _("paused")
        ARCHIVED = "archived", _("archived")

    # Allowed status changes, the one place they are defined.
    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.DRAFT: (Status.PUBLISHED, Status.ARCHIVED),
        Status.PUBLISHED: (Status.PAUSED, Status.ARCHIVED),
        Status.PAUSED: (Status.PUBLISHED, Status.ARCHIVED),
        Status.ARCHIVED: (Status.DRAFT,),
    }

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="resource_offers",
        help_text=_("Leave empty to offer the resource as a private person."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="resource_offers",
    )
    description = models.TextField(_("description"))
    municipality = models.ForeignKey(
        "territories.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    terms = models.CharField(_("terms"), max_length=20, choices=Terms.choices, default=Terms.FREE)
    terms_note = models.CharField(
        _("terms in detail"),
        max_length=300,
        blank=True,
        help_text=_("For example the discount or what you ask in exchange."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Seats in a room, places in a vehicle, pieces of equipment."),
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    weekdays = models.PositiveSmallIntegerField(
        _("weekdays with availability"),
        default=0,
        editable=False,
        help_text=_(
            "Bit n is set when the weekly schedule has a window on weekday n (Monday is 0)."
        ),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("resource offer")
        verbose_name_plural = _("resource offers")
        ordering = ["-published_at", "-created_at"]
        indexes = [
            # Covering: matching scores a region's offers from the index alone (an index-only scan).
            models.Index(
                fields=[
                    "status",
                    "category",
                    "municipality",
                    "weekdays",
                    "available_from",
                    "available_until",
                    "organization",
                    "id",
                ],
                name="resources_offer_match_idx",
            ),
            models.Index(fields=["status", "-published_at"], name="resources_offer_recent_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(available_until__isnull=True)
                | Q(available_from__isnull=True)
                | Q(available_until__gte=F("available_from")),
                name="resources_offer_period_ordered",
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("resources:offer_detail", args=[self.pk])

    @property
    def is_bookable(self) -> bool:
        return self.category in BOOKABLE_CATEGORIES

    @property
    def offered_by(self) -> str:
        if self.organization_id:
            return self.organization.display_name  # type: ignore[union-attr]
        return self.created_by.display_name


class AvailabilityRule(models.Model):
    """A weekly window when a bookable offer can be booked (Monday is 0)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    offer = models.ForeignKey(
        ResourceOffer, on_delete=models.CASCADE, related_name="availability_rules"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    start_time = models.TimeField(pgettext_lazy("dates", "from"))
    end_time = models.TimeField(_("until"))

    class Meta:
        verbose_name = _("weekly availability")
        verbose_name_plural = _("weekly availability")
        ordering = ["weekday", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")), name="resources_rule_time_ordered"
            ),
            models.CheckConstraint(
                condition=Q(weekday__lte=6), name="resources_rule_weekday_valid"
            ),
        ]
        indexes = [models.Index(fields=["offer", "weekday"], name="resources_rule_offer_day_idx")]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M}"


class AvailabilityException(models.Model):
    """A date that differs from the weekly schedule: closed all day, or open only in the hours given."""

    offer = models.ForeignKey(
        ResourceOffer, on_delete=models.CASCADE, related_name="availability_exceptions"
    )
    date = models.DateField(_("date"))
    is_closed = models.BooleanField(_("closed all day"), default=True)
    start_time = models.TimeField(pgettext_lazy("dates", "from"), null=True, blank=True)
    end_time = models.TimeField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("availability exception")
        verbose_name_plural = _("availability exceptions")
        ordering = ["date", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_closed=True, start_time__isnull=True, end_time__isnull=True)
                | Q(
                    is_closed=False,
                    start_time__isnull=False,
                    end_time__isnull=False,
                    end_time__gt=F("start_time"),
                ),
                name="resources_exception_hours_consistent",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y}"


class OfferPhoto(models.Model):
    offer = models.ForeignKey(ResourceOffer, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(
        _("photo"), upload_to="resources/offers/%Y/%m/", validators=[validate_photo]
    )
    caption = models.CharField(
        _("description of the photo"),
        max_length=200,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo of an offer")
        verbose_name_plural = _("photos of offers")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.caption
