"""Events: the calendar with its filters (what the caller may see, by the event's audience), one
event."""

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from nkohub.api.auth import optional_token
from nkohub.api.endpoints._shared import READ_ERRORS, MunicipalityOut, Named, not_found, viewer
from nkohub.api.etags import etagged
from nkohub.api.pagination import PageParams, numbered_page
from nkohub.events import permissions
from nkohub.events.models import Event
from nkohub.events.selectors import calendar, event_by_pk

PREFIX = "/events"
router = Router(tags=["events"])

DAY_MIN, DAY_MAX = dt.date(1900, 1, 1), dt.date(2100, 12, 31)


class EventOut(Schema):
    id: int
    title: str
    kind: str
    summary: str
    organizer: Named
    starts_at: dt.datetime
    ends_at: dt.datetime
    time_zone: str
    is_online: bool
    address: str
    municipality: MunicipalityOut | None = None
    capacity: int
    places_left: int
    registration_is_open: bool
    audience: str
    status: str
    cancel_reason: str
    url: str

    @staticmethod
    def resolve_organizer(obj: Event) -> dict[str, Any]:
        return {"id": obj.organizer.pk, "name": obj.organizer.display_name}

    @staticmethod
    def resolve_url(obj: Event) -> str:
        return obj.get_absolute_url()


class EventDetailOut(EventOut):
    """The link to join an online event is not here: the page shows it to confirmed people only."""

    description: str
    registration_opens_at: dt.datetime | None = None
    registration_closes_at: dt.datetime | None = None
    questions: list[str]
    updated_at: dt.datetime

    @staticmethod
    def resolve_questions(obj: Event) -> list[str]:
        return [question.text for question in obj.questions.all()]


class EventPage(Schema):
    items: list[EventOut]
    count: int
    page: int
    pages: int


class CalendarFilters(Schema):
    kind: Event.Kind | None = None
    municipality: int | None = Field(None, ge=1, le=2**62)
    organizer: int | None = Field(None, ge=1, le=2**62)
    mode: Literal["", "online", "offline"] = ""
    date_from: dt.date | None = Field(None, ge=DAY_MIN, le=DAY_MAX)
    date_to: dt.date | None = Field(None, ge=DAY_MIN, le=DAY_MAX)
    past: bool = Field(False, description="events that are over, newest first")


@router.get("", response={200: EventPage, **READ_ERRORS}, auth=optional_token, summary="Events")
def event_list(
    request: HttpRequest, filters: Query[CalendarFilters], page: Query[PageParams]
) -> dict[str, Any]:
    events = calendar(
        viewer(request),
        kind=filters.kind or "",
        municipality=filters.municipality,  # an id filters as well as the row it names
        organizer=filters.organizer,
        mode=filters.mode,
        date_from=filters.date_from,
        date_to=filters.date_to,
        past=filters.past,
    )
    return numbered_page(events, page)


def event_for(request: HttpRequest, pk: int) -> Event:
    event = event_by_pk(pk)
    if event is None or not permissions.can_view_event(viewer(request), event):
        raise not_found()
    return event


@router.get(
    "/{int:pk}",
    response={200: EventDetailOut, 304: None, **READ_ERRORS},
    auth=optional_token,
    summary="One event (ETag)",
)
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return etagged(request, EventDetailOut, event_for(request, pk))
