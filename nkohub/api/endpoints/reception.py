"""The reception's public side: answers published with their authors' consent, and each
authority's record of answering on time (59-ФЗ) for a period."""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from nkohub.api.auth import optional_token
from nkohub.api.endpoints._shared import READ_ERRORS, Named, not_found
from nkohub.api.etags import etagged
from nkohub.api.pagination import PageParams, numbered_page
from nkohub.api.problems import ApiProblem
from nkohub.reception import permissions
from nkohub.reception.models import Appeal
from nkohub.reception.selectors import appeal_detail_queryset, authority_records, published_appeals

PREFIX = "/reception"
router = Router(tags=["reception"])


class AnswerOut(Schema):
    id: int
    kind: str
    subject: str
    text: str
    authority: Named
    topic: str | None = None
    answer_text: str
    answered_on: dt.date | None = None
    url: str

    @staticmethod
    def resolve_authority(obj: Appeal) -> dict[str, Any]:
        return {"id": obj.authority.pk, "name": obj.authority.display_name}

    @staticmethod
    def resolve_topic(obj: Appeal) -> str | None:
        return obj.topic.name if obj.topic else None

    @staticmethod
    def resolve_url(obj: Appeal) -> str:
        return reverse("reception:public_appeal", args=[obj.pk])


class AnswerPage(Schema):
    items: list[AnswerOut]
    count: int
    page: int
    pages: int


class AnswerFilters(Schema):
    q: str = Field("", max_length=200)
    topic: int | None = Field(None, ge=1, le=2**62)
    authority: int | None = Field(None, ge=1, le=2**62)


class RecordOut(Schema):
    authority: Named
    received: int
    answered: int
    answered_in_time: int
    in_time_percent: int | None = None
    median_days: float | None = None
    overdue_now: int


class RecordsOut(Schema):
    start: dt.date
    end: dt.date
    items: list[RecordOut]


class Period(Schema):
    start: dt.date | None = Field(None, ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))
    end: dt.date | None = Field(None, ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))


@router.get(
    "/answers",
    response={200: AnswerPage, **READ_ERRORS},
    auth=optional_token,
    summary="Published answers",
)
def answer_list(
    request: HttpRequest, filters: Query[AnswerFilters], page: Query[PageParams]
) -> dict[str, Any]:
    appeals = published_appeals(q=filters.q, topic=filters.topic, authority=filters.authority)
    return numbered_page(appeals, page)


@router.get(
    "/answers/{int:pk}",
    response={200: AnswerOut, 304: None, **READ_ERRORS},
    auth=optional_token,
    summary="One published answer (ETag)",
)
def answer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = appeal_detail_queryset().filter(pk=pk).first()
    if appeal is None or not permissions.can_view_public(appeal):
        raise not_found()
    return etagged(request, AnswerOut, appeal)


@router.get(
    "/authorities",
    response={200: RecordsOut, **READ_ERRORS},
    auth=optional_token,
    summary="Authorities' answers on time for a period (this year by default)",
)
def authority_list(request: HttpRequest, period: Query[Period]) -> dict[str, Any]:
    today = timezone.localdate()
    start = period.start or dt.date(today.year, 1, 1)
    end = period.end or today
    if start > end:
        raise ApiProblem(400, _("The start of the period is after its end."), kind="period")
    records = authority_records(start, end)
    items = [
        {
            "authority": {"id": r.authority.pk, "name": r.authority.display_name},
            "received": r.received,
            "answered": r.answered,
            "answered_in_time": r.answered_in_time,
            "in_time_percent": r.in_time_percent,
            "median_days": r.median_days,
            "overdue_now": r.overdue_now,
        }
        for r in records
    ]
    return {"start": start, "end": end, "items": items}
