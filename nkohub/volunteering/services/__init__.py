"""Every write of volunteering: calls, responses and hours; partnerships, coalitions, internships."""

from .calls import (
    call_cancel,
    call_create,
    call_update,
    hours_confirm,
    hours_dispute,
    hours_record,
    profile_set_public,
    response_create,
    response_decide,
)
from .ties import (
    alliance_answer,
    alliance_end,
    alliance_propose,
    announcement_create,
    coalition_answer,
    coalition_create,
    coalition_invite,
    internship_create,
    internship_decide,
    internship_request,
)

__all__ = [
    "alliance_answer",
    "alliance_end",
    "alliance_propose",
    "announcement_create",
    "call_cancel",
    "call_create",
    "call_update",
    "coalition_answer",
    "coalition_create",
    "coalition_invite",
    "hours_confirm",
    "hours_dispute",
    "hours_record",
    "internship_create",
    "internship_decide",
    "internship_request",
    "profile_set_public",
    "response_create",
    "response_decide",
]
