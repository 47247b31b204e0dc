"""The idea bank: ideas people propose, their supports, comments and the public timeline of each idea.

The lifecycle (which status may follow which) lives in `STATUS_FLOW` below, read by the permissions
(which buttons to show) and the services (what to refuse). The support counter is a column kept in step
with the supports inside the transaction that adds or removes one (`services.supports`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Idea(models.Model):
    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("idea status", "new")
        UNDER_REVIEW = "under_review", pgettext_lazy("idea status", "under review")
        ACCEPTED = "accepted", pgettext_lazy("idea status", "accepted")
        IMPLEMENTING = "implementing", pgettext_lazy("idea status", "being implemented")
        IMPLEMENTED = "implemented", pgettext_lazy("idea status", "implemented")
        REJECTED = "rejected", pgettext_lazy("idea status", "rejected")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("idea", "author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="ideas",
    )
    title = models.CharField(pgettext_lazy("idea field", "title"), max_length=200)
    problem = models.TextField(pgettext_lazy("idea field", "problem"))
    proposal = models.TextField(pgettext_lazy("idea field", "proposal"))
    municipality = models.ForeignKey(
        "territories.Municipality",
        verbose_name=pgettext_lazy("idea field", "municipality"),
        on_delete=models.PROTECT,
        related_name="ideas",
    )
    sphere = models.ForeignKey(
        "organizations.Sphere",
        verbose_name=pgettext_lazy("idea field", "sphere"),
        on_delete=models.PROTECT,
        related_name="ideas",
    )
    addressee = models.ForeignKey(
        "organizations.Organization",
        verbose_name=pgettext_lazy("idea field", "addressed to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="addressed_ideas",
        limit_choices_to={"kind": "authority"},
    )
    status = models.CharField(
        pgettext_lazy("idea field", "status"),
        max_length=20,
        choices=Status.choices,
        default=Status.NEW,
        db_index=True,
    )
    status_reason = models.TextField(pgettext_lazy("idea field", "reason"), blank=True)
    supports_count = models.PositiveIntegerField(_("supports"), default=0)
    appeal = models.OneToOneField(
        "reception.Appeal",
        verbose_name=pgettext_lazy("idea field", "appeal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="idea",
    )
    created_at = models.DateTimeField(pgettext_lazy("idea field", "proposed"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["-supports_count", "-id"], name="ideas_idea_by_supports"),
            models.Index(fields=["-created_at", "-id"], name="ideas_idea_by_date"),
            models.Index(fields=["addressee", "status"], name="ideas_idea_addressee"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(status_reason=""),
                name="ideas_idea_rejected_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ideas:idea", args=[self.pk])

    @property
    def is_open(self) -> bool:
        """Supports are collected until the idea is implemented or rejected."""
        return self.status not in (self.Status.IMPLEMENTED, self.Status.REJECTED)


S = Idea.Status

# Which status may follow which; a rejected idea may be taken under review again.
STATUS_FLOW: dict[str, tuple[str, ...]] = {
    S.NEW: (S.UNDER_REVIEW, S.ACCEPTED, S.REJECTED),
    S.UNDER_REVIEW: (S.ACCEPTED, S.REJECTED),
    S.ACCEPTED: (S.IMPLEMENTING, S.REJECTED),
    S.IMPLEMENTING: (S.IMPLEMENTED,),
    S.IMPLEMENTED: (),
    S.REJECTED: (S.UNDER_REVIEW,),
}


class IdeaSupport(models.Model):
    """One person's support of one idea: the unique constraint makes a second one impossible."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("idea support", "person"),
        on_delete=models.CASCADE,
        related_name="idea_supports",
    )
    created_at = models.DateTimeField(pgettext_lazy("idea support", "supported"), auto_now_add=True)

    class Meta:
        verbose_name = _("support of an idea")
        verbose_name_plural = _("supports of ideas")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="ideas_support_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.idea_id}"


class IdeaComment(models.Model):
    """A comment under an idea; an operator may hide it with a reason the author is told."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("idea", "author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="idea_comments",
    )
    text = models.TextField(pgettext_lazy("idea comment", "text"))
    created_at = models.DateTimeField(pgettext_lazy("idea comment", "written"), auto_now_add=True)
    hidden_at = models.DateTimeField(pgettext_lazy("idea comment", "hidden"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_reason = models.TextField(pgettext_lazy("idea comment", "why hidden"), blank=True)

    class Meta:
        verbose_name = _("comment on an idea")
        verbose_name_plural = _("comments on ideas")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(hidden_at__isnull=True) | ~Q(hidden_reason=""),
                name="ideas_comment_hidden_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class IdeaEvent(models.Model):
    """One entry of an idea's public timeline."""

    class Kind(models.TextChoices):
        PROPOSED = "proposed", pgettext_lazy("idea event", "proposed")
        STATUS = "status", pgettext_lazy("idea event", "status changed")
        APPEAL = "appeal", pgettext_lazy("idea event", "sent to the authority as an appeal")

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(
        pgettext_lazy("idea event", "event"), max_length=20, choices=Kind.choices
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status_before = models.CharField(
        pgettext_lazy("idea event", "status before"), max_length=20, choices=S.choices, blank=True
    )
    status_after = models.CharField(
        pgettext_lazy("idea event", "status after"), max_length=20, choices=S.choices, blank=True
    )
    text = models.TextField(pgettext_lazy("idea event", "text"), blank=True)
    created_at = models.DateTimeField(pgettext_lazy("idea event", "when"), auto_now_add=True)

    class Meta:
        verbose_name = _("idea's timeline entry")
        verbose_name_plural = _("ideas' timeline")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%d.%m.%Y})"
