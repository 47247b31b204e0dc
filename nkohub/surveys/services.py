"""Every write of the surveys app: building surveys (by hand or from a template), their lifecycle,
mapping problem zones, answering (drafts and submission) and reminders.

Answering is safe under races: `response_save` locks the survey's row first (closing takes the same
lock), so an answer saved before a survey closes is kept whole and one saved after it is refused with
the typed values still on the page; the unique constraints of `Response` keep one response per
organisation (or person) when two requests start one at the same moment.
"""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError, full_clean_or_raise
from nkohub.surveys.blueprints import BLUEPRINTS
from nkohub.surveys.models import (
    STATUS_FLOW,
    Actor,
    Answer,
    Option,
    ProblemZone,
    Question,
    Response,
    Survey,
    Tool,
)

AnswerValue = int | Decimal | str | list[int] | dict[int, int] | None
K = Question.Kind
SURVEY_FIELDS = (
    "title",
    "description",
    "purpose",
    "audience",
    "is_anonymous",
    "results_public",
    "opens_on",
    "closes_on",
)
REMIND_DAYS_BEFORE_CLOSING = 3


# --- surveys ---------------------------------------------------------------------------------------


@transaction.atomic
def survey_create(*, actor: Any, **fields: Any) -> Survey:
    addressed = fields.pop("addressed_organizations", None)
    survey = Survey(created_by=actor, **{k: v for k, v in fields.items() if k in SURVEY_FIELDS})
    full_clean_or_raise(survey)
    survey.save()
    if addressed:
        survey.addressed_organizations.set(addressed)
    audit_log(actor=actor, action="surveys.survey.create", obj=survey)
    return survey


@transaction.atomic
def survey_update(*, actor: Any, survey: Survey, **fields: Any) -> Survey:
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    addressed = fields.pop("addressed_organizations", None)
    changes = {}
    for name in SURVEY_FIELDS:
        if name in fields and getattr(survey, name) != fields[name]:
            changes[name] = [getattr(survey, name), fields[name]]
            setattr(survey, name, fields[name])
    full_clean_or_raise(survey)
    survey.save()
    if addressed is not None:
        survey.addressed_organizations.set(addressed)
    audit_log(actor=actor, action="surveys.survey.update", obj=survey, changes=changes)
    return survey


@transaction.atomic
def survey_set_status(*, actor: Any, survey: Survey, status: str) -> Survey:
    """Open, close or reopen. Closing keeps every response as it is, drafts included (a reopened
    survey lets their authors go on)."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if status not in STATUS_FLOW[survey.status]:
        raise DomainError(_("The survey cannot go from this status to that one."))
    if status == Survey.Status.OPEN and not survey.questions.exists():
        raise DomainError(_("Add at least one question before opening the survey."))
    old = survey.status
    survey.status = status
    survey.save(update_fields=["status"])
    audit_log(
        actor=actor, action="surveys.survey.status", obj=survey, changes={"status": [old, status]}
    )
    return survey


@transaction.atomic
def survey_create_from_blueprint(
    *, actor: Any, key: str, opens_on: date, closes_on: date, title: str = ""
) -> Survey:
    blueprint = BLUEPRINTS.get(key)
    if blueprint is None:
        raise DomainError(_("There is no such survey template."))
    survey = survey_create(
        actor=actor,
        title=title or blueprint.title,
        description=blueprint.description,
        purpose=blueprint.purpose,
        is_anonymous=blueprint.is_anonymous,
        opens_on=opens_on,
        closes_on=closes_on,
    )
    zones = list(ProblemZone.objects.order_by("position", "pk"))
    if any(spec.zones for spec in blueprint.questions) and not zones:
        raise DomainError(_("Load the reference data first: there are no problem zones."))
    made: dict[str, Question] = {}
    for position, spec in enumerate(blueprint.questions, start=1):
        condition = None
        if spec.show_if:
            key_, label = spec.show_if
            condition = made[key_].options.get(label=label)
        question = Question.objects.create(
            survey=survey,
            position=position,
            kind=spec.kind,
            text=spec.text,
            help_text=spec.help_text,
            section=spec.section,
            required=spec.required,
            rank_limit=spec.rank_limit,
            show_if_option=condition,
        )
        if spec.zones:
            Option.objects.bulk_create(
                Option(question=question, position=i, label=z.title, zone=z)
                for i, z in enumerate(zones, start=1)
            )
        else:
            _replace_options(question, list(spec.options), list(spec.rows))
        made[spec.key] = question
    audit_log(
        actor=actor, action="surveys.survey.from_template", obj=survey, changes={"template": key}
    )
    return survey


# --- questions -------------------------------------------------------------------------------------


def _editable(survey: Survey) -> None:
    if Response.objects.filter(survey=survey).exists():
        raise DomainError(
            _("The survey already has responses: its questions can no longer change.")
        )


def _replace_options(question: Question, options: list[str], rows: list[str]) -> None:
    existing = {(o.role, o.label): o for o in question.options.all()}
    keep = []
    for role, labels in ((Option.Role.CHOICE, options), (Option.Role.ROW, rows)):
        for position, label in enumerate(labels, start=1):
            option = existing.get((role, label))
            if option is None:
                option = Option.objects.create(
                    question=question, role=role, position=position, label=label
                )
            elif option.position != position:
                option.position = position
                option.save(update_fields=["position"])
            keep.append(option.pk)
    question.options.exclude(pk__in=keep).delete()


def _check_question(kind: str, options: list[str], rows: list[str]) -> None:
    if kind in Question.CHOICE_KINDS and len(options) < 2:
        raise DomainError(_("Give at least two options, one a line."), field="options")
    if kind == K.MATRIX and not rows:
        raise DomainError(_("A matrix needs rows, one a line."), field="rows")
    if len(set(options)) != len(options) or len(set(rows)) != len(rows):
        raise DomainError(_("Options must differ from each other."), field="options")


@transaction.atomic
def question_save(
    *,
    actor: Any,
    survey: Survey,
    question: Question | None = None,
    options: list[str] | None = None,
    rows: list[str] | None = None,
    **fields: Any,
) -> Question:
    """Add a question to the survey or change one (only while the survey has no responses)."""
    _editable(survey)
    options, rows = options or [], rows or []
    kind = fields.get("kind") or (question.kind if question else "")
    _check_question(kind, options, rows)
    created = question is None
    if question is None:
        last = survey.questions.order_by("-position").values_list("position", flat=True).first()
        question = Question(survey=survey, position=(last or 0) + 1)
    for name, value in fields.items():
        setattr(question, name, value)
    condition = question.show_if_option
    if condition is not None and (
        condition.question.survey_id != survey.pk
        or condition.question.position >= question.position
        or condition.question_id == question.pk
    ):
        raise DomainError(
            _("A question may depend only on an earlier question of the same survey."),
            field="show_if_option",
        )
    full_clean_or_raise(question, exclude=["survey"])
    question.save()
    if kind in Question.CHOICE_KINDS:
        _replace_options(question, options, rows if kind == K.MATRIX else [])
    else:
        question.options.all().delete()
    audit_log(
        actor=actor,
        action="surveys.question.add" if created else "surveys.question.change",
        obj=survey,
        changes={"question": question.text},
    )
    return question


@transaction.atomic
def question_delete(*, actor: Any, question: Question) -> None:
    _editable(question.survey)
    audit_log(
        actor=actor,
        action="surveys.question.delete",
        obj=question.survey,
        changes={"question": question.text},
    )
    question.delete()


# --- problem zones ---------------------------------------------------------------------------------


@transaction.atomic
def zone_map(
    *, actor: Any, zone: ProblemZone, actors: list[Actor], tools: list[Tool]
) -> ProblemZone:
    old = (sorted(a.title for a in zone.actors.all()), sorted(t.title for t in zone.tools.all()))
    zone.actors.set(actors)
    zone.tools.set(tools)
    new = (sorted(a.title for a in actors), sorted(t.title for t in tools))
    audit_log(
        actor=actor,
        action="surveys.zone.map",
        obj=zone,
        changes={"actors": [old[0], new[0]], "tools": [old[1], new[1]]},
    )
    return zone


# --- answering -------------------------------------------------------------------------------------


def _chosen(question: Question, value: AnswerValue) -> set[int]:
    if question.kind == K.SINGLE and isinstance(value, int):
        return {value}
    if question.kind == K.MULTIPLE and isinstance(value, list):
        return set(value)
    if question.kind == K.RANKING and isinstance(value, dict):
        return set(value)
    return set()


def visible_questions(questions: list[Question], answers: dict[int, AnswerValue]) -> set[int]:
    """The questions shown with these answers: a conditional one only when its option is chosen."""
    chosen: set[int] = set()
    for question in questions:
        chosen |= _chosen(question, answers.get(question.pk))
    return {q.pk for q in questions if q.show_if_option_id is None or q.show_if_option_id in chosen}


def _is_empty(value: AnswerValue) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _answer_rows(question: Question, value: AnswerValue) -> list[Answer]:
    """The rows of one answer, checked against the question (the form checks the same, for messages)."""
    field = f"q{question.pk}"
    choices = {o.pk for o in question.choice_options}
    bad = DomainError(_("This answer does not fit the question."), field=field)
    if question.kind == K.SINGLE:
        if value not in choices:
            raise bad
        return [Answer(question=question, option_id=int(value))]
    if question.kind == K.MULTIPLE:
        if not isinstance(value, list) or not set(value) <= choices:
            raise bad
        return [Answer(question=question, option_id=pk) for pk in sorted(set(value))]
    if question.kind == K.RANKING:
        if not isinstance(value, dict) or not set(value) <= choices:
            raise bad
        ranks = sorted(value.values())
        if ranks != list(range(1, len(ranks) + 1)) or len(ranks) > question.ranks:
            raise DomainError(
                _("Give places 1, 2, 3… without gaps or repeats, at most %(n)s.")
                % {"n": question.ranks},
                field=field,
            )
        return [Answer(question=question, option_id=pk, rank=r) for pk, r in value.items()]
    if question.kind == K.MATRIX:
        rows = {o.pk for o in question.matrix_rows}
        if (
            not isinstance(value, dict)
            or not set(value) <= rows
            or not set(value.values()) <= choices
        ):
            raise bad
        return [Answer(question=question, row_id=r, option_id=c) for r, c in value.items()]
    if question.kind == K.SCALE:
        if not isinstance(value, int) or not question.scale_min <= value <= question.scale_max:
            raise bad
        return [Answer(question=question, number=Decimal(value))]
    if question.kind == K.NUMBER:
        if not isinstance(value, Decimal):
            raise bad
        if (question.min_value is not None and value < question.min_value) or (
            question.max_value is not None and value > question.max_value
        ):
            raise bad
        return [Answer(question=question, number=value)]
    return [Answer(question=question, text=str(value).strip())]


def _response_for_update(survey: Survey, actor: Any, organization: Any | None) -> Response:
    lookup = (
        {"organization": organization}
        if organization is not None
        else {"organization__isnull": True, "respondent": actor}
    )
    response = Response.objects.select_for_update().filter(survey=survey, **lookup).first()
    if response is not None:
        return response
    try:
        with transaction.atomic():
            return Response.objects.create(
                survey=survey, organization=organization, respondent=actor
            )
    except IntegrityError:  # the other request of the same organisation or person got there first
        return Response.objects.select_for_update().get(survey=survey, **lookup)


@transaction.atomic
def response_save(
    *,
    actor: Any,
    survey: Survey,
    organization: Any | None,
    answers: dict[int, AnswerValue],
    submit: bool,
) -> Response:
    """Save the answers as a draft, or submit them (required questions then checked). The survey's row
    is locked first, so closing waits for this save or this save sees the survey closed."""
    locked = Survey.objects.select_for_update().get(pk=survey.pk)
    if not locked.accepts_answers():
        raise DomainError(_("The survey no longer accepts answers; what you saved before is kept."))
    if locked.for_organizations != (organization is not None):
        raise DomainError(_("This survey is answered for an organisation."))
    response = _response_for_update(locked, actor, organization)
    if response.is_submitted:
        raise DomainError(_("This survey has already been answered."))
    questions = list(locked.questions.prefetch_related("options"))
    shown = visible_questions(questions, answers)
    rows: list[Answer] = []
    for question in questions:
        value = answers.get(question.pk)
        if question.pk not in shown or _is_empty(value):
            if submit and question.required and question.pk in shown:
                raise DomainError(_("Answer this question."), field=f"q{question.pk}")
            continue
        rows += _answer_rows(question, value)
    response.answers.all().delete()
    for row in rows:
        row.response = response
    Answer.objects.bulk_create(rows)
    response.respondent = actor
    fields = ["respondent", "updated_at"]
    if submit:
        response.status = Response.Status.SUBMITTED
        response.submitted_at = timezone.now()
        fields += ["status", "submitted_at"]
        audit_log(actor=actor, action="surveys.response.submit", obj=locked)
    response.save(update_fields=fields)
    return response


# --- reminders -------------------------------------------------------------------------------------


def reminder_recipients(survey: Survey) -> list[Any]:
    """Owners and editors of the addressed organisations that have not submitted (an organisation
    survey); people with an unfinished draft (a survey to people, which has no list to remind)."""
    from django.contrib.auth import get_user_model

    from nkohub.organizations.permissions import ACTING_ROLES

    people = get_user_model().objects.filter(is_active=True)
    done = Response.objects.filter(survey=survey, status=Response.Status.SUBMITTED)
    if not survey.for_organizations:
        drafts = Response.objects.filter(survey=survey, status=Response.Status.DRAFT)
        return list(people.filter(pk__in=drafts.values("respondent")))
    acting = Q(memberships__role__in=ACTING_ROLES) & ~Q(
        memberships__organization__in=done.values("organization")
    )
    if survey.addressed_organizations.exists():
        acting &= Q(memberships__organization__in=survey.addressed_organizations.all())
    else:
        acting &= Q(
            memberships__organization__kind="ngo", memberships__organization__is_published=True
        )
    return list(people.filter(acting).distinct())


@transaction.atomic
def survey_remind(*, actor: Any, survey: Survey, today: date | None = None) -> int:
    """Queue the reminders (a task tells them, on commit); returns how many will be told."""
    from nkohub.notifications.background import enqueue_on_commit
    from nkohub.surveys.tasks import send_survey_reminders

    if not survey.accepts_answers(today):
        raise DomainError(_("Only an open survey can be reminded of."))
    count = len(reminder_recipients(survey))
    Survey.objects.filter(pk=survey.pk).update(reminded_on=today or timezone.localdate())
    audit_log(actor=actor, action="surveys.survey.remind", obj=survey, changes={"told": count})
    enqueue_on_commit(send_survey_reminders, survey.pk)
    return count


def surveys_remind_due(today: date | None = None) -> str:
    """The daily job: remind once of each open survey that closes within three days."""
    day = today or timezone.localdate()
    due = Survey.objects.filter(
        status=Survey.Status.OPEN,
        opens_on__lte=day,
        closes_on__gte=day,
        closes_on__lte=day + timedelta(days=REMIND_DAYS_BEFORE_CLOSING),
    ).exclude(reminded_on__gte=day - timedelta(days=REMIND_DAYS_BEFORE_CLOSING))
    told = sum(survey_remind(actor=None, survey=s, today=day) for s in due)
    return f"surveys reminded: {told}"
