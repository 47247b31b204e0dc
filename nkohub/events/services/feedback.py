"""Feedback after the event: once per attendee."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError, full_clean_or_raise
from nkohub.events import permissions
from nkohub.events.models import Feedback, Registration


@transaction.atomic
def feedback_submit(
    *, actor: User, registration: Registration, rating: int, useful: str = "", to_change: str = ""
) -> Feedback:
    if registration.user_id != actor.pk:
        raise PermissionDenied
    registration.has_feedback = Feedback.objects.filter(registration=registration).exists()  # type: ignore[attr-defined]
    decision = permissions.can_leave_feedback(actor, registration.event, registration)
    if not decision:
        raise DomainError(decision.reason)
    feedback = Feedback(
        registration=registration, rating=rating, useful=useful.strip(), to_change=to_change.strip()
    )
    full_clean_or_raise(feedback, exclude=["registration"])
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError as error:  # the second click of the same form
        raise DomainError(_("You have already left feedback on this event.")) from error
    audit_log(
        actor=actor,
        action="events.feedback.create",
        obj=registration.event,
        changes={"rating": rating},
    )
    return feedback
