"""The agreement with a winner: milestones from the submitted plan, interim and final reports
(indicators against the plan, spending by budget line, files), reminders of overdue reports."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.storage import private_storage
from nkohub.grants.models import money_field

from .submissions import Submission


class Agreement(models.Model):
    submission = models.OneToOneField(
        Submission, on_delete=models.PROTECT, related_name="agreement"
    )
    amount = money_field(_("amount of the grant, ₽"))
    starts_on = models.DateField(_("project starts"))
    ends_on = models.DateField(_("project ends"))
    created_at = models.DateTimeField(_("concluded"), auto_now_add=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="agreement_period_valid"
            )
        ]

    def __str__(self) -> str:
        return str(self.submission)


class Milestone(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="milestones")
    position = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(pgettext_lazy("calendar plan", "event"), max_length=500)
    due_on = models.DateField(_("due"), null=True, blank=True)
    expected_result = models.TextField(_("expected result"), blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["agreement", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "position"], name="milestone_unique_position"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Report(models.Model):
    class Kind(models.TextChoices):
        INTERIM = "interim", _("interim report")
        FINAL = "final", _("final report")

    class Status(models.TextChoices):
        DUE = "due", pgettext_lazy("report status", "awaited")
        SUBMITTED = "submitted", pgettext_lazy("report status", "submitted")
        ACCEPTED = "accepted", pgettext_lazy("report status", "accepted")
        RETURNED = "returned", pgettext_lazy("report status", "returned for changes")

    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.DUE: (Status.SUBMITTED,),
        Status.RETURNED: (Status.SUBMITTED,),
        Status.SUBMITTED: (Status.ACCEPTED, Status.RETURNED),
        Status.ACCEPTED: (),
    }

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DUE
    )
    text = models.TextField(_("what was done"), max_length=10000, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_note = models.TextField(_("funder's remarks"), max_length=3000, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["agreement", "due_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "kind"], name="report_once_per_kind")
        ]
        indexes = [models.Index(fields=["status", "due_on"], name="report_due_order")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.agreement}"

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, ())

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DUE, self.Status.RETURNED)


class ReportIndicator(models.Model):
    """A result of the project against its plan (the project's planned results, when it has them)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveSmallIntegerField(_("number"))
    planned_result = models.ForeignKey(
        "projects.PlannedResult", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=30)
    planned_value = models.DecimalField(_("planned value"), max_digits=14, decimal_places=2)
    actual_value = models.DecimalField(
        _("actual value"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("indicator of a report")
        verbose_name_plural = _("indicators of reports")
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "position"], name="reportindicator_unique_position"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ReportSpending(models.Model):
    """Spending on one budget line of the submitted version."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="spending")
    position = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("budget line"), max_length=300)
    planned = money_field(_("planned, ₽"))
    spent = money_field(_("spent, ₽"))

    class Meta:
        verbose_name = _("spending by budget line")
        verbose_name_plural = _("spending by budget lines")
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "position"], name="reportspending_unique_position"
            ),
            models.CheckConstraint(condition=Q(spent__gte=0), name="reportspending_non_negative"),
        ]

    def __str__(self) -> str:
        return self.name


class ReportFile(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(
        _("file"), upload_to="competitions/reports/%Y/%m/", storage=private_storage
    )
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("file of a report")
        verbose_name_plural = _("files of reports")
        ordering = ["report", "pk"]

    def __str__(self) -> str:
        return self.original_name


class ReportReminder(models.Model):
    """A reminder (or, later, the escalation to the funder) of an overdue report, sent once."""

    class Stage(models.TextChoices):
        REMINDER = "reminder", _("reminder to the grantee")
        ESCALATION = "escalation", _("escalation to the funder")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="reminders")
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder of a report")
        verbose_name_plural = _("reminders of reports")
        constraints = [
            models.UniqueConstraint(fields=["report", "stage"], name="reportreminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.report} ({self.stage})"
