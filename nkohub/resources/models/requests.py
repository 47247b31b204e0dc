"""Requests for resources and their matches with offers."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .offers import ResourceListing, ResourceOffer


class ResourceRequest(ResourceListing):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        MATCHED = "matched", _("matched")
        FULFILLED = "fulfilled", _("fulfilled")
        CLOSED = "closed", pgettext_lazy("resource request", "closed")

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
