"""The calendar of grant competitions with the calendar's filters, and one competition."""

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from nkohub.api.auth import optional_token
from nkohub.api.endpoints._shared import READ_ERRORS, not_found
from nkohub.api.etags import etagged
from nkohub.api.pagination import PageParams, numbered_page
from nkohub.grants.models import Competition
from nkohub.grants.selectors import competition_detail, competitions_calendar

PREFIX = "/competitions"
router = Router(tags=["competitions"])


class FunderOut(Schema):
    id: int
    code: str
    name: str
    short_name: str
    kind: str


class CompetitionOut(Schema):
    id: int
    title: str
    description: str
    funder: FunderOut
    applications_open_on: dt.date
    applications_close_on: dt.date
    implementation_starts_from: dt.date | None = None
    implementation_ends_by: dt.date | None = None
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    cofinancing_min_percent: Decimal | None = None
    directions: list[str]
    website: str
    url: str

    @staticmethod
    def resolve_directions(obj: Competition) -> list[str]:
        return [sphere.code for sphere in obj.directions.all()]

    @staticmethod
    def resolve_website(obj: Competition) -> str:
        return obj.url

    @staticmethod
    def resolve_url(obj: Competition) -> str:
        return reverse("grants:competition", args=[obj.pk])


class CompetitionPage(Schema):
    items: list[CompetitionOut]
    count: int
    page: int
    pages: int


class CalendarFilters(Schema):
    q: str = Field("", max_length=200)
    when: Literal["", "open", "closing", "upcoming", "past"] = ""
    funder: int | None = Field(None, ge=1, le=2**62)
    direction: int | None = Field(None, ge=1, le=2**62)


@router.get(
    "", response={200: CompetitionPage, **READ_ERRORS}, auth=optional_token, summary="Competitions"
)
def competition_list(
    request: HttpRequest, filters: Query[CalendarFilters], page: Query[PageParams]
) -> dict[str, Any]:
    # an id filters as well as the row it names
    competitions = competitions_calendar(
        when=filters.when,
        funder=filters.funder,  # type: ignore[arg-type]
        direction=filters.direction,  # type: ignore[arg-type]
        query=filters.q,
    )
    return numbered_page(competitions, page)


@router.get(
    "/{int:pk}",
    response={200: CompetitionOut, 304: None, **READ_ERRORS},
    auth=optional_token,
    summary="One competition (ETag)",
)
def competition_one(request: HttpRequest, pk: int) -> HttpResponse:
    competition = competition_detail(pk)
    if competition is None:
        raise not_found()
    return etagged(request, CompetitionOut, competition)
