"""Calls that funders run on the platform: submissions from the grants builder, expert review and
scoring, decisions, agreements and reports."""

from .calls import Call, CallQuestion, Criterion, RequiredDocument
from .reports import (
    Agreement,
    Milestone,
    Report,
    ReportFile,
    ReportIndicator,
    ReportReminder,
    ReportSpending,
)
from .reviews import Assignment, Score
from .submissions import InfoRequest, Submission, SubmissionAnswer, SubmissionDocument

__all__ = [
    "Agreement",
    "Assignment",
    "Call",
    "CallQuestion",
    "Criterion",
    "InfoRequest",
    "Milestone",
    "Report",
    "ReportFile",
    "ReportIndicator",
    "ReportReminder",
    "ReportSpending",
    "RequiredDocument",
    "Score",
    "Submission",
    "SubmissionAnswer",
    "SubmissionDocument",
]
