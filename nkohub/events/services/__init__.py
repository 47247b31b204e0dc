"""Every write of events: one function per use case (see docs/architecture.md)."""

from .events import (
    event_cancel,
    event_close_registration,
    event_create,
    event_move,
    event_question_add,
    event_reopen_registration,
    event_update,
)
from .feedback import feedback_submit
from .feeds import feed_for, feed_reset
from .registrations import (
    attendance_mark,
    attendance_set,
    checkin_by_code,
    registration_cancel,
    registration_create,
)

__all__ = [
    "attendance_mark",
    "attendance_set",
    "checkin_by_code",
    "event_cancel",
    "event_close_registration",
    "event_create",
    "event_move",
    "event_question_add",
    "event_reopen_registration",
    "event_update",
    "feed_for",
    "feed_reset",
    "feedback_submit",
    "registration_cancel",
    "registration_create",
]
