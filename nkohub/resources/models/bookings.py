"""Bookings of offers and reviews after them."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .offers import ResourceOffer
from .requests import ResourceRequest


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
