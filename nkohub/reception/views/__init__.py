"""The reception's views, split by subject: appeals (public, author, appeal page, desk) and the production
calendar (operators)."""

from nkohub.reception.views.appeals import (
    appeal_action,
    appeal_create,
    appeal_detail,
    appeal_edit,
    appeal_submit,
    attachment,
    authorities,
    authority,
    desk,
    desk_topics,
    my_appeals,
    public,
    public_appeal,
)
from nkohub.reception.views.calendar_pages import (
    calendar,
    calendar_day_delete,
    calendar_due_dates,
    calendar_year_confirm,
    calendar_year_withdraw,
)

__all__ = [
    "appeal_action",
    "appeal_create",
    "appeal_detail",
    "appeal_edit",
    "appeal_submit",
    "attachment",
    "authorities",
    "authority",
    "calendar",
    "calendar_day_delete",
    "calendar_due_dates",
    "calendar_year_confirm",
    "calendar_year_withdraw",
    "desk",
    "desk_topics",
    "my_appeals",
    "public",
    "public_appeal",
]
