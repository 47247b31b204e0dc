"""Funders, competitions, applications (a versioned document built from a project), outcomes and
comparison figures of other regions.

An application copies the project's fields when it starts: from then on it is an independent
document. Every save by the builder stores an `ApplicationVersion` with a snapshot of the whole
document (fields, tasks, budget, calendar plan) that can be compared and restored.
"""

from ._shared import FUND_NUMBER_RE, NON_NEGATIVE, money_field, validate_fund_number
from .applications import Application, ApplicationTask, BudgetItem, PlanEvent, TeamMember
from .competitions import Competition, CompetitionFollow, CompetitionReminder, Funder
from .versions import ApplicationExport, ApplicationVersion, RegionComparison

__all__ = [
    "FUND_NUMBER_RE",
    "NON_NEGATIVE",
    "Application",
    "ApplicationExport",
    "ApplicationTask",
    "ApplicationVersion",
    "BudgetItem",
    "Competition",
    "CompetitionFollow",
    "CompetitionReminder",
    "Funder",
    "PlanEvent",
    "RegionComparison",
    "TeamMember",
    "money_field",
    "validate_fund_number",
]
