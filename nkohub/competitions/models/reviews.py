"""Experts assigned to submissions: their conflict-of-interest declaration and their scores."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .calls import Criterion
from .submissions import Submission


class Assignment(models.Model):
    """An expert assigned to one submission. The expert first declares whether they have a
    conflict of interest; with one they never see the submission and another expert is assigned.
    The assignment is also the review: scores per criterion, a summary, submitted once."""

    class Status(models.TextChoices):
        ASSIGNED = "assigned", pgettext_lazy("review status", "awaiting declaration")
        IN_PROGRESS = "in_progress", pgettext_lazy("review status", "being scored")
        SUBMITTED = "submitted", pgettext_lazy("review status", "submitted")
        CONFLICT = "conflict", pgettext_lazy("review status", "conflict of interest")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="assignments")
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("expert"),
        on_delete=models.PROTECT,
        related_name="competition_assignments",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ASSIGNED
    )
    conflict_note = models.TextField(_("what the conflict is"), max_length=2000, blank=True)
    declared_at = models.DateTimeField(_("declared"), null=True, blank=True)
    summary = models.TextField(_("conclusion"), max_length=5000, blank=True)
    total = models.DecimalField(
        _("total score, %"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    submitted_at = models.DateTimeField(_("review submitted"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(_("assigned"), auto_now_add=True)

    class Meta:
        verbose_name = _("expert's review")
        verbose_name_plural = _("experts' reviews")
        ordering = ["submission", "assigned_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "expert"], name="assignment_once_per_expert"
            ),
            models.CheckConstraint(
                condition=~Q(status="submitted")
                | (Q(total__isnull=False) & Q(submitted_at__isnull=False)),
                name="assignment_submitted_has_total",
            ),
        ]
        indexes = [models.Index(fields=["expert", "status"], name="assignment_by_expert")]

    def __str__(self) -> str:
        return f"{self.expert} → {self.submission}"

    @property
    def counts(self) -> bool:
        """Whether the assignment is (or will be) a review: not refused for a conflict."""
        return self.status != self.Status.CONFLICT


class Score(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), max_length=3000, blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["assignment", "criterion__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion"], name="score_once_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"
