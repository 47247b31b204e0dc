"""Submissions: a frozen version of a builder's application sent to a call, its documents,
answers to the funder's questions, requests for more information and the decision."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.storage import private_storage
from nkohub.grants.models import money_field

from .calls import Call, CallQuestion, RequiredDocument


class Submission(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", pgettext_lazy("submission status", "submitted")
        REVIEW = "review", pgettext_lazy("submission status", "under review")
        INFO_REQUESTED = (
            "info_requested",
            pgettext_lazy("submission status", "more information asked"),
        )
        APPROVED = "approved", pgettext_lazy("submission status", "approved")
        DECLINED = "declined", pgettext_lazy("submission status", "declined")
        WITHDRAWN = "withdrawn", pgettext_lazy("submission status", "withdrawn")

    # The lifecycle in one place. Decisions are final; withdrawal only before a decision.
    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.SUBMITTED: (
            Status.REVIEW,
            Status.INFO_REQUESTED,
            Status.APPROVED,
            Status.DECLINED,
            Status.WITHDRAWN,
        ),
        Status.REVIEW: (
            Status.INFO_REQUESTED,
            Status.APPROVED,
            Status.DECLINED,
            Status.WITHDRAWN,
            Status.SUBMITTED,
        ),
        Status.INFO_REQUESTED: (Status.REVIEW, Status.APPROVED, Status.DECLINED, Status.WITHDRAWN),
        Status.APPROVED: (),
        Status.DECLINED: (),
        Status.WITHDRAWN: (),
    }
    ACTIVE_STATUSES = (Status.SUBMITTED, Status.REVIEW, Status.INFO_REQUESTED)
    # Statuses a desk's bulk change may set (decisions are made one by one, with their amounts).
    BULK_STATUSES = (Status.SUBMITTED, Status.REVIEW)

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="submissions"
    )
    application = models.ForeignKey(
        "grants.Application",
        verbose_name=_("application"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    version = models.ForeignKey(
        "grants.ApplicationVersion",
        verbose_name=_("submitted version"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="competition_submissions",
    )
    number = models.PositiveIntegerField(_("number in the call"))
    title = models.CharField(_("project title"), max_length=300)
    direction = models.ForeignKey(
        "organizations.Sphere",
        verbose_name=_("direction"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_amount = money_field(_("requested amount, ₽"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    awarded_amount = money_field(_("amount awarded, ₽"), optional=True)
    decline_reason = models.TextField(_("reason for the refusal"), blank=True)
    # Review figures, kept by the review service for the desk's sorting and filters.
    reviews_done = models.PositiveSmallIntegerField(_("reviews submitted"), default=0)
    score_mean = models.DecimalField(
        _("mean score, %"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    score_spread = models.DecimalField(
        _("spread of scores, %"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    needs_third_review = models.BooleanField(_("another review needed"), default=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["call", "number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="submission_unique_number"),
            # One live submission of an application to a call: a double-click records one.
            models.UniqueConstraint(
                fields=["call", "application"],
                condition=~Q(status="withdrawn"),
                name="submission_one_live_per_application",
            ),
            models.CheckConstraint(
                condition=~Q(status="approved")
                | (Q(awarded_amount__gt=0) & Q(awarded_amount__lte=F("requested_amount"))),
                name="submission_award_within_request",
            ),
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="submission_decline_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["call", "status", "number"], name="submission_desk_order"),
            models.Index(fields=["call", "score_mean"], name="submission_score_order"),
            models.Index(fields=["organization", "status"], name="submission_by_applicant"),
        ]

    def __str__(self) -> str:
        return f"№{self.number} {self.title}"

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, ())

    @property
    def is_decided(self) -> bool:
        return self.status in (self.Status.APPROVED, self.Status.DECLINED)


class SubmissionAnswer(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(CallQuestion, on_delete=models.PROTECT, related_name="answers")
    text = models.TextField(_("answer"), max_length=5000)

    class Meta:
        verbose_name = _("answer to the funder's question")
        verbose_name_plural = _("answers to the funder's questions")
        ordering = ["submission", "question__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "question"], name="answer_once_per_question"
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]


class SubmissionDocument(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="documents")
    required = models.ForeignKey(
        RequiredDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(
        _("file"), upload_to="competitions/submissions/%Y/%m/", storage=private_storage
    )
    original_name = models.CharField(_("file name"), max_length=255)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("document of a submission")
        verbose_name_plural = _("documents of submissions")
        ordering = ["submission", "pk"]

    def __str__(self) -> str:
        return self.original_name


class InfoRequest(models.Model):
    """The funder asks for more information; the applicant answers in place (the submitted version
    is kept as it was)."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="info_requests"
    )
    question = models.TextField(_("what is asked"), max_length=3000)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    asked_at = models.DateTimeField(_("asked"), auto_now_add=True)
    answer = models.TextField(_("answer"), max_length=5000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for more information")
        verbose_name_plural = _("requests for more information")
        ordering = ["submission", "asked_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission"],
                condition=Q(answered_at__isnull=True),
                name="inforequest_one_open",
            )
        ]

    def __str__(self) -> str:
        return self.question[:60]
