"""What the views of events share: fetching an event with rights checked, the event page's context,
running a service (core.service_calls)."""

from typing import Any

from django.http import Http404, HttpRequest

from nkohub.core.service_calls import perform as _perform
from nkohub.core.service_calls import submit_form as _submit
from nkohub.events import forms, permissions, selectors
from nkohub.events.models import Event, Registration
from nkohub.events.services.registrations import waiting_position

__all__ = ["_event", "_perform", "_submit", "detail_context"]


def _event(user: Any, pk: int, *, manage: bool = False) -> Event:
    """The event for its page: 404 to those its audience leaves out; managing needs the right."""
    event = selectors.event_by_pk(pk)
    if event is None or not (
        permissions.can_view_event(user, event) or permissions.can_manage_event(user, event)
    ):
        raise Http404
    if manage:
        permissions.require(permissions.can_manage_event(user, event))
    return event


def detail_context(
    request: HttpRequest, event: Event, *, register_form: Any = None
) -> dict[str, Any]:
    user = request.user
    registration = selectors.registration_of(user, event)
    questions = list(event.questions.all())
    if register_form is None:
        register_form = forms.RegisterForm(
            questions=questions, organizations=selectors.organizations_of(user)
        )
    return {
        "event": event,
        "registration": registration,
        "position": waiting_position(registration)
        if registration is not None and registration.is_waiting
        else None,
        "can_register": permissions.can_register(user, event, registration),
        "can_manage": permissions.can_manage_event(user, event),
        "can_see_link": permissions.can_see_join_link(user, event, registration),
        "can_feedback": permissions.can_leave_feedback(user, event, registration),
        "register_form": register_form,
        "Status": Registration.Status,
    }
