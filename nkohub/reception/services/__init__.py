"""Every write of the reception: one function per use case, transactional, with history, audit and
notifications. Split by subject: the author's side of appeals, the officials' side (with topics), the production
calendar (overrides, years, due dates it moves), reminders."""

from nkohub.reception.services.appeals import (
    DRAFT_FIELDS,
    appeal_clarify,
    appeal_create,
    appeal_rate,
    appeal_submit,
    appeal_update_draft,
)
from nkohub.reception.services.calendar import (
    appeals_apply_due_dates,
    calendar_day_delete,
    calendar_day_save,
    calendar_warnings_send,
    calendar_year_confirm,
    calendar_year_withdraw,
)
from nkohub.reception.services.handling import (
    REGISTRATION_PREFIX,
    appeal_answer,
    appeal_assign,
    appeal_close,
    appeal_extend,
    appeal_redirect,
    appeal_register,
    topic_save,
)
from nkohub.reception.services.reminders import REMINDER_TITLES, appeals_send_reminders

__all__ = [
    "DRAFT_FIELDS",
    "REGISTRATION_PREFIX",
    "REMINDER_TITLES",
    "appeal_answer",
    "appeal_assign",
    "appeal_clarify",
    "appeal_close",
    "appeal_create",
    "appeal_extend",
    "appeal_rate",
    "appeal_redirect",
    "appeal_register",
    "appeal_submit",
    "appeal_update_draft",
    "appeals_apply_due_dates",
    "appeals_send_reminders",
    "calendar_day_delete",
    "calendar_day_save",
    "calendar_warnings_send",
    "calendar_year_confirm",
    "calendar_year_withdraw",
    "topic_save",
]
