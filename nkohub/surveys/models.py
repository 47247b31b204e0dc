"""Surveys: questionnaires an operator builds, the responses of organisations or people, and the
problem zones a needs survey ranks.

A survey's lifecycle is `STATUS_FLOW` (draft → open → closed, a closed survey may be reopened); it
accepts answers while open and between its dates. A response is a draft until submitted; one per
(survey, organisation) for surveys addressed to organisations, one per (survey, person) for surveys
addressed to people — unique constraints in the database, so a double submit keeps one response.
Every answer is a row (`Answer`): one per chosen option (a ranking's row carries the rank, a matrix's
the row it answers), a number or a text — so results are SQL aggregates over one table.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Actor(models.Model):
    """A group that must act on a problem zone: the regional administration, experts, business, media…"""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    title = models.CharField(pgettext_lazy("survey", "title"), max_length=200)
    position = models.PositiveSmallIntegerField(pgettext_lazy("order", "position"), default=100)

    class Meta:
        verbose_name = _("group that must act")
        verbose_name_plural = _("groups that must act")
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title


class Tool(models.Model):
    """A tool of the platform that answers a problem: courses, the resource bank, the fair…"""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    title = models.CharField(pgettext_lazy("survey", "title"), max_length=200)
    url_name = models.CharField(
        _("page"), max_length=100, blank=True, help_text=_("The URL name of the tool's page.")
    )
    position = models.PositiveSmallIntegerField(pgettext_lazy("order", "position"), default=100)

    class Meta:
        verbose_name = _("platform tool")
        verbose_name_plural = _("platform tools")
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title


class ProblemZone(models.Model):
    """One of the sector's problem zones (the sixteen of the needs research), mapped by the operator to
    the groups that must act on it and to the platform's tools that answer it."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    title = models.CharField(pgettext_lazy("survey", "title"), max_length=200)
    position = models.PositiveSmallIntegerField(pgettext_lazy("order", "position"), default=100)
    actors = models.ManyToManyField(
        Actor, verbose_name=_("groups that must act"), blank=True, related_name="zones"
    )
    tools = models.ManyToManyField(
        Tool, verbose_name=_("platform tools"), blank=True, related_name="zones"
    )

    class Meta:
        verbose_name = _("problem zone")
        verbose_name_plural = _("problem zones")
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title


class Survey(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("survey status", "draft")
        OPEN = "open", pgettext_lazy("survey status", "open")
        CLOSED = "closed", pgettext_lazy("survey status", "closed")

    class Audience(models.TextChoices):
        ORGANIZATIONS = "organizations", _("organisations (one response each)")
        PEOPLE = "people", _("people")

    class Purpose(models.TextChoices):
        GENERAL = "general", pgettext_lazy("survey purpose", "general")
        NEEDS = "needs", pgettext_lazy("survey purpose", "needs of the sector")
        INTERVIEW = "interview", pgettext_lazy("survey purpose", "interview of NGO leaders")

    title = models.CharField(pgettext_lazy("survey", "title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    purpose = models.CharField(
        _("purpose"), max_length=20, choices=Purpose.choices, default=Purpose.GENERAL
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.ORGANIZATIONS
    )
    is_anonymous = models.BooleanField(
        _("anonymous"),
        default=False,
        help_text=_(
            "Results never name who answered (the platform still keeps one response each)."
        ),
    )
    results_public = models.BooleanField(_("results are public"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    addressed_organizations = models.ManyToManyField(
        "organizations.Organization",
        verbose_name=_("addressed organisations"),
        blank=True,
        related_name="+",
        help_text=_("Empty: every published NGO of the registry."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-opens_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="survey_dates_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:survey", args=[self.pk])

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("A survey cannot close before it opens.")})

    def accepts_answers(self, today: date | None = None) -> bool:
        day = today or timezone.localdate()
        return self.status == self.Status.OPEN and self.opens_on <= day <= self.closes_on

    @property
    def for_organizations(self) -> bool:
        return self.audience == self.Audience.ORGANIZATIONS


STATUS_FLOW: dict[str, tuple[str, ...]] = {
    Survey.Status.DRAFT: (Survey.Status.OPEN,),
    Survey.Status.OPEN: (Survey.Status.CLOSED,),
    Survey.Status.CLOSED: (Survey.Status.OPEN,),
}


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("single choice")
        MULTIPLE = "multiple", _("multiple choice")
        SCALE = "scale", _("scale")
        RANKING = "ranking", _("ranking")
        MATRIX = "matrix", _("matrix")
        NUMBER = "number", pgettext_lazy("question type", "number")
        TEXT = "text", _("free text")

    CHOICE_KINDS = (Kind.SINGLE, Kind.MULTIPLE, Kind.RANKING, Kind.MATRIX)

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(pgettext_lazy("order", "position"), default=1)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("explanation"), max_length=500, blank=True)
    section = models.CharField(
        _("section"), max_length=200, blank=True, help_text=_("A heading shown above the question.")
    )
    required = models.BooleanField(_("required"), default=False)
    scale_min = models.SmallIntegerField(_("scale from"), default=1)
    scale_max = models.SmallIntegerField(_("scale to"), default=5)
    rank_limit = models.PositiveSmallIntegerField(
        _("how many to rank"),
        null=True,
        blank=True,
        help_text=_("A ranking: how many options a respondent places (empty: all)."),
    )
    min_value = models.DecimalField(
        _("smallest number"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("largest number"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    show_if_option = models.ForeignKey(
        "Option",
        verbose_name=_("show only if this option is chosen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dependent_questions",
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["survey", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scale_max__gt=models.F("scale_min")), name="question_scale_in_order"
            )
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def ranks(self) -> int:
        """How many places a ranking has: its limit, or every option."""
        count = len(self.choice_options)
        return min(self.rank_limit or count, count)

    @property
    def choice_options(self) -> list["Option"]:
        return [o for o in self.options.all() if o.role == Option.Role.CHOICE]

    @property
    def matrix_rows(self) -> list["Option"]:
        return [o for o in self.options.all() if o.role == Option.Role.ROW]


class Option(models.Model):
    """A choice of a question, or (matrix) one of its rows; a needs survey's option names its zone."""

    class Role(models.TextChoices):
        CHOICE = "choice", _("choice")
        ROW = "row", _("matrix row")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    role = models.CharField(
        pgettext_lazy("survey option", "role"),
        max_length=10,
        choices=Role.choices,
        default=Role.CHOICE,
    )
    position = models.PositiveSmallIntegerField(pgettext_lazy("order", "position"), default=1)
    label = models.CharField(_("label"), max_length=300)
    zone = models.ForeignKey(
        ProblemZone,
        verbose_name=_("problem zone"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="options",
    )

    class Meta:
        verbose_name = _("option")
        verbose_name_plural = _("options")
        ordering = ["question", "role", "position", "id"]

    def __str__(self) -> str:
        return self.label


class Response(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("response status", "draft")
        SUBMITTED = "submitted", pgettext_lazy("response status", "submitted")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_responses",
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("respondent"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="survey_responses",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["survey", "-submitted_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "organization"],
                condition=Q(organization__isnull=False),
                name="survey_response_one_per_organization",
            ),
            models.UniqueConstraint(
                fields=["survey", "respondent"],
                condition=Q(organization__isnull=True, respondent__isnull=False),
                name="survey_response_one_per_person",
            ),
        ]
        indexes = [models.Index(fields=["survey", "status"], name="survey_response_status")]

    def __str__(self) -> str:
        return f"{self.survey} — {self.organization or self.respondent or '—'}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    option = models.ForeignKey(
        Option, null=True, blank=True, on_delete=models.CASCADE, related_name="answers"
    )
    row = models.ForeignKey(
        Option, null=True, blank=True, on_delete=models.CASCADE, related_name="row_answers"
    )
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    number = models.DecimalField(
        pgettext_lazy("answer", "number"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        indexes = [models.Index(fields=["question", "option"], name="survey_answer_option")]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.option or self.number or self.text[:40]}"
