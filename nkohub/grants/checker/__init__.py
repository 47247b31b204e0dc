"""The checker: reads an application like a Fund expert and explains each finding in Russian.

Pure functions over a document snapshot (`document.snapshot_of`), the competition's rules and
the facts of the project, the organisation and the region; no database access, so every rule is
tested directly. Findings are ranked — blocking (the application will not pass as it is),
important (an expert will mark it down), hint (worth a look) — and each belongs to one of the
Fund's evaluation criteria (`CRITERIA`), so `expert_review` can say per criterion what an expert
would likely write.

    form_rules      the competition's conditions, required parts, the title
    content_rules   relevance, coherence, measurable results, target groups and geography
    resource_rules  budget, own contribution, team, the organisation's record and openness
"""

from nkohub.grants.checker.base import (
    CRITERIA,
    CompetitionRules,
    Criterion,
    Finding,
    OrganizationFacts,
    ProjectFacts,
    RegionFacts,
    Severity,
    Snapshot,
)
from nkohub.grants.checker.language import content_lemmas, count_goals, has_number
from nkohub.grants.checker.review import CriterionReview, check_document, expert_review

__all__ = [
    "CRITERIA",
    "CompetitionRules",
    "Criterion",
    "CriterionReview",
    "Finding",
    "OrganizationFacts",
    "ProjectFacts",
    "RegionFacts",
    "Severity",
    "Snapshot",
    "check_document",
    "content_lemmas",
    "count_goals",
    "expert_review",
    "has_number",
]
