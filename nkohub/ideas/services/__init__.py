"""Every write of the idea bank: proposing and statuses (with the appeal an idea becomes), supports,
comments and their moderation."""

from .comments import comment_add, comment_hide
from .ideas import appeal_key, idea_propose, idea_set_status, send_as_appeal_when_due
from .supports import idea_support, idea_withdraw_support

__all__ = [
    "appeal_key",
    "comment_add",
    "comment_hide",
    "idea_propose",
    "idea_set_status",
    "idea_support",
    "idea_withdraw_support",
    "send_as_appeal_when_due",
]
