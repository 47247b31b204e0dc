"""Every write of the competitions app, one function per use case (split by step)."""

from .calls import (
    FUND_CRITERIA,
    call_publish,
    call_publish_results,
    call_save,
    call_set_criteria,
    call_set_documents,
    call_set_questions,
    call_start_review,
    call_use_fund_criteria,
)
from .decisions import (
    submission_answer_info,
    submission_approve,
    submission_ask_info,
    submission_decline,
)
from .reports import report_review, report_submit, send_report_reminders
from .reviews import (
    assignment_create,
    assignment_declare,
    refresh_figures,
    review_save,
    weighted_total,
)
from .submissions import (
    call_of_application,
    record_submission,
    submission_submit,
    submission_withdraw,
    submissions_bulk_status,
)

__all__ = [
    "FUND_CRITERIA",
    "assignment_create",
    "assignment_declare",
    "call_of_application",
    "call_publish",
    "call_publish_results",
    "call_save",
    "call_set_criteria",
    "call_set_documents",
    "call_set_questions",
    "call_start_review",
    "call_use_fund_criteria",
    "record_submission",
    "refresh_figures",
    "report_review",
    "report_submit",
    "review_save",
    "send_report_reminders",
    "submission_answer_info",
    "submission_approve",
    "submission_ask_info",
    "submission_decline",
    "submission_submit",
    "submission_withdraw",
    "submissions_bulk_status",
    "weighted_total",
]
