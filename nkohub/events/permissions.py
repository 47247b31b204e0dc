"""Who may do what with events. The only place these rights are decided.

An organisation's owners and editors (and operators) create and manage its events. Who sees an event
follows its audience: everyone (public), people signed in to the platform (members), or the organiser's
own staff. Those who see an event may register while registration is open. Registered people see the
link to join; the organiser sees the list, marks attendance and reads the feedback; operators see it all.
"""

from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from nkohub.core.permissions import ALLOWED, Decision, is_operator, refused, require
from nkohub.events.models import Event, Registration
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import can_act_for, is_member

__all__ = ["refused", "require"]


def _signed_in(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


# --- events -----------------------------------------------------------------------------------
def can_create_event_for(user: Any, organization: Organization) -> bool:
    return is_operator(user) or (_signed_in(user) and can_act_for(user, organization))


def can_manage_event(user: Any, event: Event) -> bool:
    """Edit, move, close, cancel; see who registered, mark attendance, read feedback."""
    return can_create_event_for(user, event.organizer)


def can_view_event(user: Any, event: Event) -> bool:
    if event.audience == Event.Audience.PUBLIC:
        return True
    if not _signed_in(user):
        return False
    if event.audience == Event.Audience.MEMBERS:
        return True
    return is_operator(user) or is_member(user, event.organizer)


def can_register(user: Any, event: Event, registration: Registration | None) -> Decision:
    if not _signed_in(user):
        return refused(_("Log in to register for the event."))
    if registration is not None and registration.is_active:
        return refused(_("You are already registered for this event."))
    if event.is_cancelled:
        return refused(_("The event has been cancelled."))
    if event.has_ended:
        return refused(_("The event is over."))
    if event.registration_opens_at and event.registration_opens_at > timezone.now():
        opens = formats.date_format(
            timezone.localtime(event.registration_opens_at, event.zone), "j E, H:i"
        )
        return refused(_("Registration opens on %(date)s.") % {"date": opens})
    if not event.registration_is_open:
        return refused(_("Registration for this event is closed."))
    return ALLOWED


def can_cancel_registration(user: Any, registration: Registration) -> bool:
    return _signed_in(user) and registration.user_id == user.pk


def can_see_join_link(user: Any, event: Event, registration: Registration | None) -> bool:
    if can_manage_event(user, event):
        return True
    return registration is not None and registration.is_confirmed and not event.is_cancelled


def can_check_in(user: Any, event: Event) -> bool:
    return can_manage_event(user, event)


def can_leave_feedback(user: Any, event: Event, registration: Registration | None) -> Decision:
    if registration is None or not _signed_in(user) or registration.user_id != user.pk:
        return refused(_("Only those who attended can leave feedback."))
    if registration.attended_at is None:
        return refused(_("Only those who attended can leave feedback."))
    if not event.has_ended:
        return refused(_("Feedback opens when the event is over."))
    if getattr(registration, "has_feedback", False):
        return refused(_("You have already left feedback on this event."))
    return ALLOWED


def can_view_all_feedback(user: Any) -> bool:
    return is_operator(user)
