"""Appeals to authorities under 59-ФЗ, the authorities' topics and the production calendar.

The lifecycle (which action moves an appeal from which status to which) lives in `workflow.py`;
the deadline arithmetic in `deadlines.py`. Due dates are stored on the appeal when they are set,
so a later edit of the production calendar never moves a deadline already given.
"""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.storage import private_storage
from nkohub.reception.countdown import ANSWER, REGISTRATION, Countdown


class CalendarDay(models.Model):
    """An operator's correction of Russia's production calendar for one day.

    The base of the calendar is not typed in here: it comes from the `holidays` package (the
    Government's transfers of each year it knows) or, for a year beyond it, from the Labour Code
    (`production_calendar`). An override says what the day really is when the base is wrong or late:
    `holiday` makes it a non-working day, `working` a working one (a working Saturday of a transfer,
    or a day the base wrongly gives off).
    """

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", pgettext_lazy("calendar day", "non-working day")
        WORKING = "working", pgettext_lazy("calendar day", "working day")

    day = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("the day is"), max_length=10, choices=Kind.choices)
    description = models.CharField(
        _("description"),
        max_length=200,
        help_text=_("What the day is and why the base calendar is corrected."),
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("The act that sets it, e.g. the Government's decree with its date and number."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("entered"), null=True, blank=True)

    class Meta:
        verbose_name = _("production calendar override")
        verbose_name_plural = _("production calendar overrides")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day:%d.%m.%Y} — {self.get_kind_display()}"


class CalendarYear(models.Model):
    """An operator's statement that a year the `holidays` package does not know yet has been entered.

    For such a year the base is the Labour Code's fixed holidays; once the operator has added the
    Government's transfers of that year as overrides, this record names the decree and stops the
    warning about a year without a calendar.
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    decree = models.CharField(
        _("decree"),
        max_length=300,
        help_text=_(
            "The Government's decree on the transfer of days off, with its date and number."
        ),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmed"), default=timezone.now)

    class Meta:
        verbose_name = _("production calendar year entered by operators")
        verbose_name_plural = _("production calendar years entered by operators")
        ordering = ["year"]

    def __str__(self) -> str:
        return f"{self.year}: {self.decree}"


class CalendarWarning(models.Model):
    """Operators have been told that a year has no production calendar: the daily job tells them once."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("warning about a year without a production calendar")
        verbose_name_plural = _("warnings about years without a production calendar")

    def __str__(self) -> str:
        return str(self.year)


class Topic(models.Model):
    """A topic an authority answers on; the author picks one and the responsible official is told."""

    authority = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("authority"),
        on_delete=models.CASCADE,
        related_name="reception_topics",
        limit_choices_to={"kind": "authority"},
    )
    name = models.CharField(_("name"), max_length=200)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField(_("accepts appeals"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["authority", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "name"], name="reception_topic_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Appeal(models.Model):
    class Kind(models.TextChoices):
        QUESTION = "question", _("question")
        PROPOSAL = "proposal", _("proposal")
        COMPLAINT = "complaint", _("complaint")
        SUPPORT = "support", _("request for support")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("appeal status", "draft")
        SUBMITTED = "submitted", pgettext_lazy("appeal status", "submitted")
        REGISTERED = "registered", pgettext_lazy("appeal status", "registered")
        IN_WORK = "in_work", pgettext_lazy("appeal status", "in work")
        ANSWERED = "answered", pgettext_lazy("appeal status", "answered")
        REDIRECTED = "redirected", pgettext_lazy("appeal status", "redirected")
        CLOSED = "closed", pgettext_lazy("appeal status", "left without an answer")

    class NoAnswerGround(models.TextChoices):
        """Grounds on which 59-ФЗ (art. 11) lets an appeal go without an answer on the merits."""

        NO_NAME_OR_ADDRESS = (
            "no_name_or_address",
            _("no name of the author or no address for the answer"),
        )
        ABUSIVE = "abusive", _("obscene or offensive language, threats to officials")
        UNREADABLE = "unreadable", _("the text cannot be read")
        REPEATED = "repeated", _("repeated appeal on a question already answered on the merits")
        SECRET = "secret", _("an answer would disclose a secret protected by law")
        UNCLEAR = "unclear", _("the substance of the appeal cannot be understood")

    OPEN_STATUSES = (Status.REGISTERED, Status.IN_WORK)
    FINAL_STATUSES = (Status.ANSWERED, Status.REDIRECTED, Status.CLOSED)

    authority = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("addressee"),
        on_delete=models.PROTECT,
        related_name="received_appeals",
    )
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appeals",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="appeals",
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sent_appeals",
        help_text=_("Leave empty to write as a private person."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    subject = models.CharField(_("appeal heading"), max_length=200)
    text = models.TextField(_("text"))
    publish_consent = models.BooleanField(
        _("I agree to publish the question and the answer"),
        default=False,
        help_text=_("The author's name is never published; the organisation's name is."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    idempotency_key = models.UUIDField(_("submission key"), default=uuid.uuid4, editable=False)
    redirected_from = models.OneToOneField(
        "self",
        verbose_name=_("redirected from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="redirected_to",
    )

    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    registration_due = models.DateField(_("to be registered by"), null=True, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=50, blank=True)
    registered_on = models.DateField(_("registration date"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    redirect_due = models.DateField(_("to be redirected by"), null=True, blank=True)
    answer_due = models.DateField(_("answer due"), null=True, blank=True, db_index=True)
    extension_days = models.PositiveSmallIntegerField(_("extended by, days"), default=0)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_appeals",
    )

    answer_text = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("answer date"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    redirect_authority = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("redirected to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    no_answer_ground = models.CharField(
        _("ground"), max_length=30, choices=NoAnswerGround.choices, blank=True
    )
    closing_note = models.TextField(_("explanation to the author"), blank=True)
    closed_on = models.DateField(_("closed"), null=True, blank=True)

    rating = models.PositiveSmallIntegerField(_("rating of the answer"), null=True, blank=True)
    rating_comment = models.TextField(_("comment on the answer"), blank=True)
    rated_at = models.DateTimeField(_("rated"), null=True, blank=True)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["-submitted_at", "-created_at", "-id"]
        indexes = [
            models.Index(fields=["authority", "status"]),
            models.Index(fields=["status", "publish_consent"]),
            # The public list's order over only the rows it shows: its first page comes from here.
            models.Index(
                fields=["-answered_on", "-id"],
                condition=Q(status="answered", publish_consent=True),
                name="reception_appeal_public_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "idempotency_key"], name="reception_appeal_unique_submission"
            ),
            models.UniqueConstraint(
                fields=["authority", "registration_number"],
                condition=~Q(registration_number=""),
                name="reception_appeal_unique_registration_number",
            ),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="reception_appeal_rating_1_5",
            ),
            models.CheckConstraint(
                condition=Q(extension_days__lte=30), name="reception_appeal_extension_max_30"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(submitted_at__isnull=False),
                name="reception_appeal_submitted_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted"])
                | Q(registered_on__isnull=False, answer_due__isnull=False),
                name="reception_appeal_registered_has_dates",
            ),
        ]

    def __str__(self) -> str:
        if self.registration_number:
            return f"№ {self.registration_number}: {self.subject}"
        return self.subject

    # Simple rules over the appeal's own fields ------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_published(self) -> bool:
        return self.publish_consent and self.status == self.Status.ANSWERED

    @property
    def is_extended(self) -> bool:
        return self.extension_days > 0

    def deadline(self, today: date | None = None) -> Countdown | None:
        """The due date that runs now, seen from `today`: registration while the appeal waits for it,
        the answer while it is open; none for drafts and finished appeals."""
        if self.status == self.Status.SUBMITTED and self.registration_due:
            return Countdown.of(REGISTRATION, self.registration_due, today)
        if self.is_open and self.answer_due:
            return Countdown.of(ANSWER, self.answer_due, today)
        return None

    @property
    def current_deadline(self) -> Countdown | None:
        return self.deadline()

    @property
    def waiting_for_registration(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def is_overdue(self, today: date | None = None) -> bool:
        deadline = self.deadline(today)
        return deadline is not None and deadline.overdue

    @property
    def days_to_answer(self) -> int | None:
        """Days from registration (or submission) to the answer, for the front page."""
        start = self.registered_on or (self.submitted_at.date() if self.submitted_at else None)
        return (self.answered_on - start).days if start and self.answered_on else None

    @property
    def answered_in_time(self) -> bool | None:
        if self.answered_on and self.answer_due:
            return self.answered_on <= self.answer_due
        return None

    @property
    def author_label(self) -> str:
        """How the author appears to the authority: the organisation, or the person."""
        if self.organization_id:
            return str(self.organization)
        return str(self.author) if self.author else str(_("deleted account"))


def _attachment_path(instance: "AppealAttachment", filename: str) -> str:
    return f"reception/{instance.appeal_id}/{uuid.uuid4().hex}/{filename}"


class AppealAttachment(models.Model):
    class Role(models.TextChoices):
        APPEAL = "appeal", _("attached to the appeal")
        CLARIFICATION = "clarification", _("attached to a clarification")
        ANSWER = "answer", _("attached to the answer")

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="attachments")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.APPEAL)
    file = models.FileField(_("file"), upload_to=_attachment_path, storage=private_storage)
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size, bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name


class AppealEvent(models.Model):
    """One entry of an appeal's history: who did what and when, with the status before and after."""

    class Kind(models.TextChoices):
        CREATED = "created", pgettext_lazy("appeal event", "draft created")
        EDITED = "edited", pgettext_lazy("appeal event", "draft edited")
        SUBMITTED = "submitted", pgettext_lazy("appeal event", "submitted")
        REGISTERED = "registered", pgettext_lazy("appeal event", "registered")
        ASSIGNED = "assigned", pgettext_lazy("appeal event", "assigned")
        CLARIFIED = "clarified", pgettext_lazy("appeal event", "clarification from the author")
        EXTENDED = "extended", pgettext_lazy("appeal event", "term extended")
        ANSWERED = "answered", pgettext_lazy("appeal event", "answered")
        REDIRECTED = "redirected", pgettext_lazy("appeal event", "redirected")
        RECEIVED_BY_REDIRECT = (
            "received_by_redirect",
            pgettext_lazy("appeal event", "received by redirect"),
        )
        CLOSED = "closed", pgettext_lazy("appeal event", "left without an answer")
        RATED = "rated", pgettext_lazy("appeal event", "answer rated")
        DUE_DATES_CHANGED = (
            "due_dates_changed",
            pgettext_lazy("appeal event", "due dates moved by the production calendar"),
        )

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status_before = models.CharField(
        _("status before"), max_length=20, choices=Appeal.Status.choices, blank=True
    )
    status_after = models.CharField(
        _("status after"), max_length=20, choices=Appeal.Status.choices, blank=True
    )
    text = models.TextField(_("text"), blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%d.%m.%Y %H:%M})"


class Reminder(models.Model):
    """A reminder already sent: the unique key makes the scheduled job idempotent."""

    class Kind(models.TextChoices):
        REGISTRATION_OVERDUE = "registration_overdue", _("registration overdue")
        DAYS_7 = "days_7", _("7 days before the deadline")
        DAYS_2 = "days_2", _("2 days before the deadline")
        OVERDUE = "overdue", _("deadline passed")

    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    due = models.DateField(_("deadline it was about"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["appeal", "kind", "due"], name="reception_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.appeal_id}: {self.kind} {self.due}"
