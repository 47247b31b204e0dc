"""Writes of calls: create and change, criteria, documents, questions, publish, move on."""

from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.competitions.models import (
    Call,
    CallQuestion,
    Criterion,
    RequiredDocument,
    Score,
    Submission,
)
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.grants import services as grants_services
from nkohub.grants.models import Competition, Funder
from nkohub.organizations.models import Organization

from ._common import full_clean

if TYPE_CHECKING:
    from nkohub.accounts.models import User

RULE_FIELDS = (
    "applications_open_on",
    "applications_close_on",
    "implementation_starts_from",
    "implementation_ends_by",
    "min_amount",
    "max_amount",
    "cofinancing_min_percent",
)
CALL_FIELDS = (
    "title",
    "description",
    "eligibility",
    *RULE_FIELDS,
    "budget_total",
    "reviews_per_submission",
    "score_gap",
)

# The Presidential Grants Fund's criteria of expert review, each scored 0–10 (the Fund's
# methodology); the weights start equal and the funder may change them.
FUND_CRITERIA: tuple[tuple[str, str], ...] = (
    (
        "Актуальность и социальная значимость проекта",
        "Проблема, на решение которой направлен проект, подтверждена данными; проект нужен целевой группе.",
    ),
    (
        "Логическая связность и реализуемость проекта",
        "Мероприятия соответствуют цели, задачам и ожидаемым результатам; план выполним.",
    ),
    (
        "Инновационность, уникальность проекта",
        "Новые или редкие для территории подходы, практики, технологии.",
    ),
    (
        "Соотношение планируемых расходов и ожидаемых результатов",
        "Результаты измеримы, достижимы и соразмерны расходам.",
    ),
    (
        "Реалистичность бюджета и обоснованность расходов",
        "Каждая статья бюджета нужна для мероприятий и посчитана по рыночным ценам.",
    ),
    ("Масштаб реализации проекта", "Территория, число участников и благополучателей."),
    (
        "Собственный вклад и дополнительные ресурсы, перспективы развития",
        "Софинансирование, партнёры, продолжение проекта после гранта.",
    ),
    (
        "Опыт организации по соответствующему направлению",
        "Реализованные проекты и программы, их результаты.",
    ),
    (
        "Опыт и компетенции команды проекта",
        "Квалификация и опыт участников команды соответствуют их ролям.",
    ),
    (
        "Информационная открытость организации",
        "Сайт, социальные сети, отчёты, публикации о деятельности.",
    ),
)

FUNDER_KIND_FOR: dict[str, str] = {
    Organization.Kind.AUTHORITY: Funder.Kind.REGIONAL_SUBSIDY,
}


def _funder_for(organization: Organization) -> Funder:
    """The calendar's funder standing for the organisation (found by its code or its name)."""
    code = f"org-{organization.pk}"
    name = organization.full_name[:300]
    funder = Funder.objects.filter(code=code).first() or Funder.objects.filter(name=name).first()
    if funder is None:
        funder = Funder.objects.create(
            code=code,
            name=name,
            short_name=organization.display_name[:60],
            kind=FUNDER_KIND_FOR.get(organization.kind, Funder.Kind.PRIVATE_FOUNDATION),
            website=organization.website,
        )
    return funder


def _sync_competition(*, actor: "User | None", call: Call) -> None:
    """Put the call on the competitions calendar (or keep its entry in step with the rules)."""
    competition = call.competition or Competition(funder=_funder_for(call.organization))
    competition.title = call.title
    competition.description = call.description
    competition.is_demo = call.is_demo
    for field in RULE_FIELDS:
        setattr(competition, field, getattr(call, field))
    competition = grants_services.competition_save(
        actor=actor, competition=competition, directions=list(call.directions.all())
    )
    if call.competition_id != competition.pk:
        call.competition = competition
        call.save(update_fields=["competition", "updated_at"])


@transaction.atomic
def call_save(*, actor: "User | None", call: Call, directions: Any = None) -> Call:
    """Create or change a call (its fields already set). A published call's entry on the calendar
    changes with it; a call under review keeps its rules."""
    creating = call.pk is None
    if not creating:
        stored = Call.objects.select_for_update(of=("self",)).get(pk=call.pk)
        if stored.status not in (Call.Status.DRAFT, Call.Status.PUBLISHED):
            raise DomainError(_("The call is under review: its rules no longer change."))
    else:
        call.created_by = actor if getattr(actor, "is_authenticated", False) else None
    full_clean(call, exclude=["organization", "competition", "created_by"])
    try:
        with transaction.atomic():
            call.save()
    except IntegrityError as error:
        raise DomainError(
            _("The organisation already has a call with this title."), field="title"
        ) from error
    if directions is not None:
        call.directions.set(directions)
    if call.status == Call.Status.PUBLISHED:
        _sync_competition(actor=actor, call=call)
    audit_log(
        actor=actor,
        action="competitions.call." + ("create" if creating else "update"),
        obj=call,
        changes={
            "applications_close_on": call.applications_close_on,
            "max_amount": call.max_amount,
        },
    )
    return call


def _parts_locked(call: Call) -> None:
    if Score.objects.filter(criterion__call=call).exists():
        raise DomainError(
            _("Experts have already scored by these criteria: they no longer change.")
        )


@transaction.atomic
def call_set_criteria(*, actor: "User | None", call: Call, criteria: list[dict[str, Any]]) -> None:
    """Replace the criteria (name, description, weight, max_score) until the first score."""
    _parts_locked(call)
    call.criteria.all().delete()
    for position, row in enumerate(criteria, start=1):
        criterion = Criterion(call=call, position=position, **row)
        full_clean(criterion, exclude=["call"])
        criterion.save()
    audit_log(
        actor=actor,
        action="competitions.call.criteria",
        obj=call,
        changes={"criteria": len(criteria)},
    )


def call_use_fund_criteria(*, actor: "User | None", call: Call) -> None:
    call_set_criteria(
        actor=actor,
        call=call,
        criteria=[
            {"name": name, "description": note, "max_score": 10} for name, note in FUND_CRITERIA
        ],
    )


@transaction.atomic
def call_set_documents(
    *, actor: "User | None", call: Call, documents: list[dict[str, Any]]
) -> None:
    if call.submissions.exists():
        raise DomainError(
            _("Applications are already submitted: the list of documents no longer changes.")
        )
    call.required_documents.all().delete()
    for position, row in enumerate(documents, start=1):
        document = RequiredDocument(call=call, position=position, **row)
        full_clean(document, exclude=["call"])
        document.save()
    audit_log(
        actor=actor,
        action="competitions.call.documents",
        obj=call,
        changes={"documents": len(documents)},
    )


@transaction.atomic
def call_set_questions(
    *, actor: "User | None", call: Call, questions: list[dict[str, Any]]
) -> None:
    if call.submissions.exists():
        raise DomainError(_("Applications are already submitted: the questions no longer change."))
    call.questions.all().delete()
    for position, row in enumerate(questions, start=1):
        question = CallQuestion(call=call, position=position, **row)
        full_clean(question, exclude=["call"])
        question.save()
    audit_log(
        actor=actor,
        action="competitions.call.questions",
        obj=call,
        changes={"questions": len(questions)},
    )


def _lock(call: Call) -> Call:
    return (
        Call.objects.select_for_update(of=("self",))
        .select_related("organization", "competition")
        .get(pk=call.pk)
    )


@transaction.atomic
def call_publish(*, actor: "User | None", call: Call) -> Call:
    locked = _lock(call)
    if not locked.can_move_to(Call.Status.PUBLISHED):
        raise DomainError(_("The call is already published."))
    if not locked.criteria.exists():
        raise DomainError(_("Set the criteria experts will score by before publishing."))
    locked.status = Call.Status.PUBLISHED
    locked.published_at = timezone.now()
    locked.save(update_fields=["status", "published_at", "updated_at"])
    _sync_competition(actor=actor, call=locked)
    audit_log(
        actor=actor,
        action="competitions.call.publish",
        obj=locked,
        changes={"status": [Call.Status.DRAFT, locked.status]},
    )
    call.refresh_from_db()
    return locked


@transaction.atomic
def call_start_review(*, actor: "User | None", call: Call) -> Call:
    locked = _lock(call)
    if not locked.can_move_to(Call.Status.REVIEW):
        raise DomainError(_("Only a call accepting applications goes to review."))
    if timezone.localdate() <= locked.applications_close_on:
        raise DomainError(
            _("Applications are still accepted: the review starts after the deadline.")
        )
    locked.status = Call.Status.REVIEW
    locked.save(update_fields=["status", "updated_at"])
    audit_log(
        actor=actor,
        action="competitions.call.review",
        obj=locked,
        changes={"status": [Call.Status.PUBLISHED, locked.status]},
    )
    call.refresh_from_db()
    return locked


@transaction.atomic
def call_publish_results(*, actor: "User | None", call: Call) -> Call:
    """The results list becomes public (page and open data) once every submission is decided."""
    locked = _lock(call)
    if locked.status not in (Call.Status.PUBLISHED, Call.Status.REVIEW):
        raise DomainError(
            _("The results of this call are already published, or it is not published.")
        )
    if timezone.localdate() <= locked.applications_close_on:
        raise DomainError(_("Applications are still accepted: results come after the deadline."))
    if locked.submissions.filter(status__in=Submission.ACTIVE_STATUSES).exists():
        raise DomainError(_("Some submissions are not decided yet."))
    before = locked.status
    locked.status = Call.Status.RESULTS
    locked.results_published_at = timezone.now()
    locked.save(update_fields=["status", "results_published_at", "updated_at"])
    audit_log(
        actor=actor,
        action="competitions.call.results",
        obj=locked,
        changes={"status": [before, locked.status]},
    )
    call.refresh_from_db()
    return locked
