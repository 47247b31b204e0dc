"""What the views of events share: fetching an event with rights checked, the event page's context,
running a service."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest

from nkohub.core.errors import DomainError, add_domain_error
from nkohub.events import forms, permissions, selectors
from nkohub.events.models import Event, Registration
from nkohub.events.services.registrations import waiting_position


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


def _submit(
    request: HttpRequest, form: Any, write: Callable[[dict[str, Any]], Any], success: str
) -> Any:
    """On a valid POST run `write` (one service call): its result, or None when the form is not sent,
    not valid, or the service refused (the reason is then shown on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = write(dict(form.cleaned_data))
    except DomainError as error:
        add_domain_error(form, error)
        return None
    if success:
        messages.success(request, success)
    return result


def _perform(request: HttpRequest, write: Callable[[], Any], success: str) -> bool:
    try:
        write()
    except DomainError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True


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
