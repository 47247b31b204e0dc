"""Reads for answering and managing surveys: open surveys, what a person has to answer, drafts."""

from datetime import date
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from nkohub.surveys.models import ProblemZone, Question, Response, Survey
from nkohub.surveys.selectors.common import SUBMITTED


def survey_with_questions(pk: int) -> Survey | None:
    return (
        Survey.objects.filter(pk=pk)
        .prefetch_related(
            Prefetch(
                "questions",
                queryset=Question.objects.select_related(
                    "show_if_option__question"
                ).prefetch_related("options"),
            )
        )
        .first()
    )


def surveys_for_operator() -> QuerySet[Survey]:
    return Survey.objects.annotate(
        submitted=Count("responses", filter=Q(responses__status=SUBMITTED), distinct=True),
        drafts=Count("responses", filter=Q(responses__status=Response.Status.DRAFT), distinct=True),
        question_count=Count("questions", distinct=True),
    ).order_by("-opens_on", "-pk")


def open_surveys(today: date | None = None) -> QuerySet[Survey]:
    day = today or timezone.localdate()
    return Survey.objects.filter(
        status=Survey.Status.OPEN, opens_on__lte=day, closes_on__gte=day
    ).order_by("closes_on", "pk")


def acting_organizations(user: Any) -> QuerySet[Any]:
    """The organisations this person may answer for (owner or editor)."""
    from nkohub.organizations.models import Organization
    from nkohub.organizations.permissions import ACTING_ROLES

    return Organization.objects.filter(
        memberships__user=user, memberships__role__in=ACTING_ROLES
    ).order_by("full_name")


def surveys_to_answer(user: Any, today: date | None = None) -> list[dict[str, Any]]:
    """Open surveys this person may answer, each with who they answer for and how far they got:
    [{"survey", "organization" (None for people's surveys), "response" (None: not started)}]."""
    if not user.is_authenticated:
        return []
    surveys = list(open_surveys(today).prefetch_related("addressed_organizations"))
    if not surveys:
        return []
    organizations = (
        list(acting_organizations(user)) if any(s.for_organizations for s in surveys) else []
    )
    ngo_kind = "ngo"
    responses = {
        (r.survey_id, r.organization_id): r
        for r in Response.objects.filter(survey__in=surveys).filter(
            Q(organization__in=organizations) | Q(organization__isnull=True, respondent=user)
        )
    }
    items = []
    for survey in surveys:
        if survey.for_organizations:
            listed = {o.pk for o in survey.addressed_organizations.all()}
            for organization in organizations:
                addressed = (
                    organization.pk in listed
                    if listed
                    else organization.kind == ngo_kind and organization.is_published
                )
                if addressed:
                    items.append(
                        {
                            "survey": survey,
                            "organization": organization,
                            "response": responses.get((survey.pk, organization.pk)),
                        }
                    )
        else:
            items.append(
                {
                    "survey": survey,
                    "organization": None,
                    "response": responses.get((survey.pk, None)),
                }
            )
    return items


def cabinet_summary(user: Any) -> dict[str, Any] | None:
    items = [
        i for i in surveys_to_answer(user) if not (i["response"] and i["response"].is_submitted)
    ]
    return {"items": items} if items else None


def response_for(survey: Survey, *, user: Any, organization: Any | None) -> Response | None:
    responses = Response.objects.filter(survey=survey).prefetch_related("answers")
    if organization is not None:
        return responses.filter(organization=organization).first()
    return responses.filter(organization__isnull=True, respondent=user).first()


def has_submitted_responses(survey: Survey) -> bool:
    return Response.objects.filter(survey=survey, status=SUBMITTED).exists()


def zones_matrix() -> QuerySet[ProblemZone]:
    return ProblemZone.objects.prefetch_related("actors", "tools").order_by("position", "pk")


def has_responses(survey: Survey) -> bool:
    return Response.objects.filter(survey=survey).exists()


def closed_surveys_with_public_results() -> QuerySet[Survey]:
    return Survey.objects.filter(status=Survey.Status.CLOSED, results_public=True).order_by(
        "-closes_on", "-pk"
    )


def needs_surveys_for(user: Any) -> list[Survey]:
    """The needs surveys whose zones this person may see ranked (for the zones page's switch)."""
    from nkohub.core.permissions import is_operator

    surveys = Survey.objects.filter(purpose=Survey.Purpose.NEEDS).exclude(
        status=Survey.Status.DRAFT
    )
    if not is_operator(user):
        surveys = surveys.filter(results_public=True)
    return list(surveys.order_by("-closes_on", "-pk")[:20])
