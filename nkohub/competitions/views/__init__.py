from .calls import (
    call_detail,
    call_edit,
    call_fund_criteria,
    call_parts,
    call_publish,
    call_publish_results,
    call_start_review,
    index,
)
from .desk import desk, desk_bulk, desk_export
from .reports import report, report_file
from .results import results, results_csv, results_json
from .reviews import my_reviews, review
from .submissions import (
    answer,
    assign,
    decide,
    my_submissions,
    submission_detail,
    submission_document,
    submission_withdraw,
    submit,
)

__all__ = [
    "answer",
    "assign",
    "call_detail",
    "call_edit",
    "call_fund_criteria",
    "call_parts",
    "call_publish",
    "call_publish_results",
    "call_start_review",
    "decide",
    "desk",
    "desk_bulk",
    "desk_export",
    "index",
    "my_reviews",
    "my_submissions",
    "report",
    "report_file",
    "results",
    "results_csv",
    "results_json",
    "review",
    "submission_detail",
    "submission_document",
    "submission_withdraw",
    "submit",
]
