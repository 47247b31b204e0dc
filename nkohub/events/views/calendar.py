"""The public calendar, an event's page and the calendars (.ics) of an event, a person, an organisation."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from nkohub.core.pagination import paginate
from nkohub.events import forms, ical, permissions, selectors
from nkohub.events.models import CalendarFeed
from nkohub.organizations.models import Organization

from ._shared import _event, detail_context


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    form = forms.CalendarFilterForm(request.GET or None, organizers=selectors.organizers())
    filters = form.cleaned_data if form.is_valid() else {}
    events = selectors.calendar(
        request.user,
        kind=filters.get("kind", ""),
        municipality=filters.get("municipality"),
        organizer=filters.get("organizer"),
        mode=filters.get("mode", ""),
        date_from=filters.get("date_from"),
        date_to=filters.get("date_to"),
        past=bool(filters.get("past")),
    )
    events = selectors.with_registrations_prefetched(events, request.user)
    context = {
        "form": form,
        "page": paginate(request, events, per_page=20),
        "past": bool(filters.get("past")),
        "filtered": any(value for key, value in filters.items() if key != "past"),
        "can_create": bool(request.user.is_authenticated)
        and selectors.acting_organizations(request.user).exists(),
    }
    return render(request, "events/index.html", context)


@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request.user, pk)
    return render(request, "events/detail.html", detail_context(request, event))


@require_safe
def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request.user, pk)
    registration = selectors.registration_of(request.user, event)
    linked = [event.pk] if permissions.can_see_join_link(request.user, event, registration) else []
    content = ical.calendar(
        [event], base_url=request.build_absolute_uri("/")[:-1], name=event.title, with_links=linked
    )
    return _ics(content, f"event-{event.pk}.ics")


@require_safe
def person_feed(request: HttpRequest, token: str) -> HttpResponse:
    """A person's registrations: the secret address is the key (calendar apps send no cookies)."""
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        raise Http404
    content = ical.calendar(
        selectors.feed_events(feed.user),
        base_url=request.build_absolute_uri("/")[:-1],
        name=_("My events"),
        with_links=selectors.confirmed_event_ids(feed.user),
    )
    return _ics(content, "my-events.ics")


@require_safe
def organization_feed(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=pk, is_published=True)
    content = ical.calendar(
        selectors.organization_feed_events(organization),
        base_url=request.build_absolute_uri("/")[:-1],
        name=str(organization),
    )
    return _ics(content, f"organization-{organization.pk}.ics")
