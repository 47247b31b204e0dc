"""The resource bank: offers with their availability and photos, requests, matches, bookings and reviews.

Two pending or confirmed bookings of one offer never overlap. On PostgreSQL an exclusion constraint over a
tstzrange enforces it (added by migration 0002 on PostgreSQL only); on SQLite the booking service checks inside
a transaction that takes the write lock at BEGIN (settings use BEGIN IMMEDIATE), which serialises writers.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from nkohub.resources.validators import validate_photo


class Category(models.TextChoices):
    PREMISES = "premises", _("premises")
    EQUIPMENT = "equipment", _("equipment")
    TRANSPORT = "transport", _("transport")
    SPECIALIST = "specialist", _("specialist or service")
    MATERIALS = "materials", _("materials")
    OTHER = "other", _("other")


# Offers of these categories are booked by time slots.
BOOKABLE_CATEGORIES = frozenset({Category.PREMISES, Category.EQUIPMENT, Category.TRANSPORT})


class Terms(models.TextChoices):
    FREE = "free", _("free of charge")
    DISCOUNTED = "discounted", _("at a discount")
    EXCHANGE = "exchange", _("in exchange")


# What the owner edits on an offer and on a request (forms and services share these lists).
OFFER_FIELDS = [
    "category",
    "title",
    "description",
    "municipality",
    "address",
    "terms",
    "terms_note",
    "capacity",
    "available_from",
    "available_until",
]
REQUEST_FIELDS = [
    "category",
    "title",
    "purpose",
    "municipality",
    "needed_from",
    "needed_until",
    "quantity",
]


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
    start_time = models.TimeField(_("from"))
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
    start_time = models.TimeField(_("from"), null=True, blank=True)
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


class ResourceRequest(ResourceListing):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        MATCHED = "matched", _("matched")
        FULFILLED = "fulfilled", _("fulfilled")
        CLOSED = "closed", _("closed")

    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.OPEN: (Status.MATCHED, Status.FULFILLED, Status.CLOSED),
        Status.MATCHED: (Status.OPEN, Status.FULFILLED, Status.CLOSED),
        Status.FULFILLED: (Status.OPEN,),
        Status.CLOSED: (Status.OPEN,),
    }
    ACTIVE_STATUSES = (Status.OPEN, Status.MATCHED)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="resource_requests",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="resource_requests",
    )
    title = models.CharField(_("what is needed"), max_length=200)
    purpose = models.TextField(_("what for"))
    municipality = models.ForeignKey(
        "territories.Municipality",
        verbose_name=_("where"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    needed_from = models.DateField(_("needed from"))
    needed_until = models.DateField(
        _("needed until"), help_text=_("The same date for a single day.")
    )
    quantity = models.PositiveIntegerField(
        _("how much"), null=True, blank=True, help_text=_("People, seats, pieces.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )

    class Meta:
        verbose_name = _("resource request")
        verbose_name_plural = _("resource requests")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=[
                    "status",
                    "category",
                    "municipality",
                    "needed_from",
                    "needed_until",
                    "organization",
                    "id",
                ],
                name="resources_request_match_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(needed_until__gte=F("needed_from")),
                name="resources_request_period_ordered",
            ),
        ]

    def get_absolute_url(self) -> str:
        return reverse("resources:request_detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE_STATUSES


class Match(models.Model):
    """A stored suggestion: this offer could serve this request. Both owners are told once (`notified_at`)."""

    offer = models.ForeignKey(ResourceOffer, on_delete=models.CASCADE, related_name="matches")
    request = models.ForeignKey(ResourceRequest, on_delete=models.CASCADE, related_name="matches")
    score = models.FloatField(_("score"))
    notified_at = models.DateTimeField(_("owners notified"), null=True, blank=True)
    created_at = models.DateTimeField(_("found"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-score"]
        constraints = [
            models.UniqueConstraint(fields=["offer", "request"], name="resources_match_unique_pair")
        ]

    def __str__(self) -> str:
        return f"{self.offer} ↔ {self.request}"


class Booking(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        DECLINED = "declined", _("declined")
        CANCELLED = "cancelled", _("cancelled")

    # Bookings in these statuses hold their slot: no two of them overlap for one offer.
    HOLDING_STATUSES = (Status.PENDING, Status.CONFIRMED)

    offer = models.ForeignKey(
        ResourceOffer, verbose_name=_("offer"), on_delete=models.CASCADE, related_name="bookings"
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("for organisation"),
        on_delete=models.CASCADE,
        related_name="resource_bookings",
    )
    request = models.ForeignKey(
        ResourceRequest,
        verbose_name=_("request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="bookings",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        on_delete=models.PROTECT,
        related_name="resource_bookings",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    message = models.TextField(_("message to the owner"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.CharField(_("owner's note"), max_length=500, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["offer", "status", "starts_at"], name="resources_booking_slot_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="resources_booking_time_ordered"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.offer} · {self.starts_at:%d.%m.%Y %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("resources:booking_detail", args=[self.pk])

    @property
    def holds_slot(self) -> bool:
        return self.status in self.HOLDING_STATUSES


class Review(models.Model):
    """A short review after the slot, one from each side of a booking."""

    class Side(models.TextChoices):
        OWNER = "owner", _("from the owner")
        REQUESTER = "requester", _("from the requester")

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="reviews")
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("From 1 to 5."),
    )
    text = models.TextField(_("review"), max_length=2000)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["booking", "side"], name="resources_review_one_per_side"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="resources_review_rating_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booking} · {self.rating}"
