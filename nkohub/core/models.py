from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Who changed what and when: one row per service write, shown to operators."""

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=100, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    object_repr = models.CharField(_("object"), max_length=300, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class Lease(models.Model):
    """A named lock with an expiry, held by one process at a time (nkohub.core.locks).

    A row rather than a PostgreSQL advisory lock: it works the same on SQLite, survives PgBouncer in
    transaction mode (an advisory lock belongs to a server session), and a holder that dies releases it
    by letting it expire.
    """

    name = models.CharField(_("name"), max_length=150, unique=True)
    holder = models.CharField(_("holder"), max_length=150)
    expires_at = models.DateTimeField(_("expires at"))

    class Meta:
        verbose_name = _("lease")
        verbose_name_plural = _("leases")

    def __str__(self) -> str:
        return self.name


class Heartbeat(models.Model):
    """The last sign of life of a long-running process (the scheduler), shown on /healthz/."""

    name = models.CharField(_("process"), max_length=100, unique=True)
    beat_at = models.DateTimeField(_("last heartbeat"))
    holder = models.CharField(_("holder"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self) -> str:
        return self.name
