from .events import EVENT_FIELDS, Event, EventQuestion, new_uid
from .registrations import CalendarFeed, Feedback, Registration, new_checkin_code, normalise_code

__all__ = [
    "EVENT_FIELDS",
    "CalendarFeed",
    "Event",
    "EventQuestion",
    "Feedback",
    "Registration",
    "new_checkin_code",
    "new_uid",
    "normalise_code",
]
