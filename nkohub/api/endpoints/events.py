"""Events: the calendar with its filters (what the caller may see, by the event's audience), one
event; an organisation's events announced, changed, moved and cancelled with its token (scope
events:write) through events' own services and permissions — people registered are told of a move or
a cancellation as when the organiser does it on the site."""

import datetime as dt
from typing import Any, Literal

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status
from pydantic import AwareDatetime

from nkohub.api.auth import optional_token, required_token, token_of
from nkohub.api.endpoints._shared import (
    READ_ERRORS,
    WRITE_ERRORS,
    MunicipalityOut,
    Named,
    municipality_named,
    not_found,
    refused_by_service,
    require,
    sent_fields,
    viewer,
    writing_token,
)
from nkohub.api.etags import etagged
from nkohub.api.models import Scope
from nkohub.api.pagination import PageParams, numbered_page
from nkohub.api.permissions import can_write_for
from nkohub.core.errors import DomainError
from nkohub.events import permissions
from nkohub.events.models import Event
from nkohub.events.selectors import calendar, event_by_pk
from nkohub.events.services import event_cancel, event_create, event_move, event_update
from nkohub.territories.models import Municipality

PREFIX = "/events"
router = Router(tags=["events"])

DAY_MIN, DAY_MAX = dt.date(1900, 1, 1), dt.date(2100, 12, 31)
MOMENT_MIN = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
MOMENT_MAX = dt.datetime(2100, 12, 31, tzinfo=dt.UTC)


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


def _moment(description: str = "") -> Any:
    return Field(None, ge=MOMENT_MIN, le=MOMENT_MAX, description=description)


class EventIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    kind: Event.Kind
    summary: str = Field(min_length=1, max_length=300)
    description: str = Field("", max_length=20_000)
    starts_at: AwareDatetime = Field(ge=MOMENT_MIN, le=MOMENT_MAX, description="with its offset")
    ends_at: AwareDatetime = Field(ge=MOMENT_MIN, le=MOMENT_MAX)
    time_zone: str = Field("", max_length=64, description="an IANA time zone; the site's if empty")
    is_online: bool = False
    online_url: str = Field("", max_length=200, description="shown to confirmed people only")
    address: str = Field("", max_length=300)
    municipality: int | None = Field(None, ge=1, le=2**62)
    capacity: int = Field(ge=1, le=1_000_000)
    registration_opens_at: AwareDatetime | None = _moment()
    registration_closes_at: AwareDatetime | None = _moment("the start when not given")
    audience: Event.Audience = Event.Audience.PUBLIC
    questions: list[str] = Field([], max_length=20, description="asked at registration")


class EventPatch(Schema):
    """What is sent changes; new times move the event (everyone registered is told). A new start
    without an end keeps the event's length."""

    title: str | None = Field(None, min_length=1, max_length=200)
    kind: Event.Kind | None = None
    summary: str | None = Field(None, min_length=1, max_length=300)
    description: str | None = Field(None, max_length=20_000)
    starts_at: AwareDatetime | None = _moment()
    ends_at: AwareDatetime | None = _moment()
    time_zone: str | None = Field(None, max_length=64)
    is_online: bool | None = None
    online_url: str | None = Field(None, max_length=200)
    address: str | None = Field(None, max_length=300)
    municipality: int | None = Field(None, ge=1, le=2**62)
    capacity: int | None = Field(None, ge=1, le=1_000_000)
    registration_opens_at: AwareDatetime | None = _moment()
    registration_closes_at: AwareDatetime | None = _moment()
    audience: Event.Audience | None = None


class CancelIn(Schema):
    reason: str = Field(min_length=1, max_length=300, description="told to everyone registered")


NULLABLE = {"municipality", "registration_opens_at", "registration_closes_at"}
TIMES = {"starts_at", "ends_at"}


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


def _municipality(pk: int | None) -> Municipality | None:
    return None if pk is None else municipality_named(pk)


def _writable_event(request: HttpRequest, pk: int) -> Event:
    event = event_for(request, pk)
    require(can_write_for(token_of(request), event.organizer, Scope.EVENTS_WRITE))
    require(permissions.can_manage_event(viewer(request), event))
    return event


@router.post(
    "",
    response={201: EventDetailOut, **WRITE_ERRORS},
    auth=required_token,
    summary="Announce an event of the token's organisation (scope events:write)",
)
def event_post(request: HttpRequest, data: EventIn) -> Status:
    token = writing_token(request, Scope.EVENTS_WRITE)
    require(permissions.can_create_event_for(token.user, token.organization))
    fields = data.model_dump(exclude={"questions", "starts_at", "ends_at"})
    if not fields["time_zone"]:
        del fields["time_zone"]  # the model's default, the site's zone
    fields["municipality"] = _municipality(data.municipality)
    try:
        event = event_create(
            actor=token.user,
            organizer=token.organization,
            starts_at=data.starts_at,
            ends_at=data.ends_at,
            questions=data.questions,
            **fields,
        )
    except DomainError as error:
        raise refused_by_service(error) from error
    return Status(201, event_for(request, event.pk))


@router.patch(
    "/{int:pk}",
    response={200: EventDetailOut, **WRITE_ERRORS},
    auth=required_token,
    summary="Change or move an event (scope events:write)",
)
def event_patch(request: HttpRequest, pk: int, data: EventPatch) -> Event:
    event = _writable_event(request, pk)
    sent = data.model_dump(exclude_unset=True)
    fields = sent_fields(data, NULLABLE, exclude=TIMES)
    if "municipality" in fields:
        fields["municipality"] = _municipality(fields["municipality"])
    actor = viewer(request)
    try:
        with transaction.atomic():  # the move and the change together, or neither
            starts_at, ends_at = sent.get("starts_at"), sent.get("ends_at")
            if starts_at or ends_at:
                if starts_at and not ends_at:  # a new start alone keeps the event's length
                    ends_at = starts_at + (event.ends_at - event.starts_at)
                event = event_move(
                    actor=actor,
                    event=event,
                    starts_at=starts_at or event.starts_at,
                    ends_at=ends_at or event.ends_at,
                )
            if fields:
                event_update(actor=actor, event=event, **fields)
    except DomainError as error:
        raise refused_by_service(error) from error
    return event_for(request, pk)


@router.post(
    "/{int:pk}/cancel",
    response={200: EventDetailOut, **WRITE_ERRORS},
    auth=required_token,
    summary="Cancel an event (scope events:write)",
)
def event_cancel_post(request: HttpRequest, pk: int, data: CancelIn) -> Event:
    event = _writable_event(request, pk)
    try:
        event_cancel(actor=viewer(request), event=event, reason=data.reason)
    except DomainError as error:
        raise refused_by_service(error) from error
    return event_for(request, pk)
