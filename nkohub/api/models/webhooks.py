"""Webhooks: an organisation's subscriptions to its own events, and every delivery attempt's record."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class WebhookEvent(models.TextChoices):
    APPEAL_ANSWERED = "appeal.answered", _("an appeal of the organisation was answered")
    BOOKING_REQUESTED = "booking.requested", _("someone asked to book the organisation's resource")
    PLEDGE_RECEIVED = "pledge.received", _("a project of the organisation received a pledge")


class WebhookSubscription(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="webhook_subscriptions",
    )
    url = models.URLField(_("address (URL)"), max_length=500)
    events = models.JSONField(pgettext_lazy("webhook field", "events"), default=list)
    secret = models.CharField(
        _("signing secret"),
        max_length=64,
        editable=False,
        help_text=_(
            "Signs each delivery (HMAC-SHA256); the receiver checks the signature with it."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.url

    def event_labels(self) -> list[str]:
        labels = dict(WebhookEvent.choices)
        return [str(labels.get(event, event)) for event in self.events]


class WebhookDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("webhook delivery", "waiting")
        DELIVERED = "delivered", pgettext_lazy("webhook delivery", "delivered")
        FAILED = "failed", pgettext_lazy("webhook delivery", "failed")

    subscription = models.ForeignKey(
        WebhookSubscription,
        verbose_name=_("webhook"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(
        pgettext_lazy("webhook field", "event"), max_length=40, choices=WebhookEvent.choices
    )
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["subscription", "-created_at"], name="api_delivery_recent")]

    def __str__(self) -> str:
        return f"{self.event} → {self.subscription.url}"
