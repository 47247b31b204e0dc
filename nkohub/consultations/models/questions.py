"""A member's question to the experts, its thread (clarifications) and files.

Lifecycle (`TRANSITIONS`): new → taken (an expert took it) → clarification (the expert asked the asker)
→ taken (the asker replied) → answered → closed (rated). An asker may withdraw a question nobody took.

The clock: `due_on` is set when the question is asked (its topic's `answer_days` working days) and stored,
so a later edit of the calendar or of the term does not move it. While the expert waits for a
clarification the clock stops: the working days left are kept in `days_left`, and the asker's reply
restarts the clock with them (at least one day). A question past `due_on` and not answered is overdue;
the scheduled job escalates it to the operators once (`escalated_at`).
"""

from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.storage import private_storage

from .experts import Competence, Expert


class Question(models.Model):
    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("question", "waiting for an expert")
        TAKEN = "taken", pgettext_lazy("question", "with an expert")
        CLARIFICATION = "clarification", pgettext_lazy("question", "clarification asked")
        ANSWERED = "answered", pgettext_lazy("question", "answered")
        CLOSED = "closed", pgettext_lazy("question", "closed")
        WITHDRAWN = "withdrawn", pgettext_lazy("question", "withdrawn")

    class Visibility(models.TextChoices):
        PRIVATE = "private", _("private: only the organisation and the experts")
        PUBLIC = "public", _("public: the answer may go to the knowledge base")

    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.NEW: (Status.TAKEN, Status.WITHDRAWN),
        Status.TAKEN: (Status.CLARIFICATION, Status.ANSWERED),
        Status.CLARIFICATION: (Status.TAKEN,),
        Status.ANSWERED: (Status.CLOSED,),
        Status.CLOSED: (),
        Status.WITHDRAWN: (),
    }
    # The clock runs in these statuses: a question in them past its due date is overdue.
    CLOCK_STATUSES = (Status.NEW, Status.TAKEN)
    OPEN_STATUSES = (Status.NEW, Status.TAKEN, Status.CLARIFICATION)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("on behalf of"),
        on_delete=models.CASCADE,
        related_name="consultation_questions",
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="consultation_questions",
    )
    competence = models.ForeignKey(
        Competence, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="questions"
    )
    title = models.CharField(_("question in one line"), max_length=200)
    text = models.TextField(_("question"), max_length=10_000)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    expert = models.ForeignKey(
        Expert,
        verbose_name=_("expert"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    taken_at = models.DateTimeField(_("taken"), null=True, blank=True)
    due_on = models.DateField(_("answer due"))
    days_left = models.PositiveSmallIntegerField(
        _("working days left when the clock stopped"), null=True, blank=True
    )
    answer = models.TextField(_("answer"), max_length=20_000, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    rating_comment = models.CharField(_("comment on the answer"), max_length=1000, blank=True)
    escalated_at = models.DateTimeField(_("escalated to the operators"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("question to experts")
        verbose_name_plural = _("questions to experts")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "competence", "due_on"], name="consult_q_queue_idx"),
            models.Index(fields=["expert", "status", "due_on"], name="consult_q_expert_idx"),
            models.Index(fields=["organization", "-created_at"], name="consult_q_org_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="consult_question_rating_range",
            ),
            models.CheckConstraint(
                condition=Q(status="new") | Q(status="withdrawn") | Q(expert__isnull=False),
                name="consult_question_taken_has_expert",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:question", args=[self.pk])

    def can_become(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, ())

    def is_overdue(self, today: Any = None) -> bool:
        today = today or timezone.localdate()
        return self.status in self.CLOCK_STATUSES and self.due_on < today


class Message(models.Model):
    """One step of a question's thread: the expert asks for a clarification, the asker replies."""

    class Kind(models.TextChoices):
        CLARIFICATION = "clarification", _("the expert asks")
        REPLY = "reply", _("the asker replies")

    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="messages"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(pgettext_lazy("message field", "text"), max_length=5000)
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("clarification")
        verbose_name_plural = _("clarifications")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.question} · {self.get_kind_display()}"


def _file_path(instance: Any, filename: str) -> str:
    return f"consultations/{timezone.now():%Y/%m}/{filename}"


class QuestionFile(models.Model):
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(_("file"), upload_to=_file_path, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size, bytes"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("question file")
        verbose_name_plural = _("question files")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name
