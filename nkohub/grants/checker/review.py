"""All the rules over one application, and the expert's view of it criterion by criterion."""

from dataclasses import dataclass

from nkohub.grants.checker import content_rules, form_rules, resource_rules
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


def check_document(
    doc: Snapshot,
    *,
    rules: CompetitionRules | None = None,
    project: ProjectFacts | None = None,
    organization: OrganizationFacts | None = None,
    region: RegionFacts | None = None,
) -> list[Finding]:
    """All findings, most serious first, in the Fund's order of parts within a rank."""
    findings = [
        *form_rules.check_required(doc),
        *form_rules.check_title(doc),
        *content_rules.check_texts(doc),
        *content_rules.check_goal(doc),
        *content_rules.check_tasks(doc),
        *content_rules.check_results(doc),
        *form_rules.check_dates(doc, rules),
        *content_rules.check_schedule(doc),
        *resource_rules.check_budget(doc, rules),
        *form_rules.check_amounts(doc, rules),
        *resource_rules.check_contribution(doc, rules),
        *form_rules.check_direction(doc, rules),
        *content_rules.check_target_groups(doc, region),
        *content_rules.check_against_project(doc, project),
        *resource_rules.check_team(doc),
        *resource_rules.check_organization(organization, rules),
    ]
    return sorted(findings, key=lambda finding: finding.severity)


@dataclass(frozen=True)
class CriterionReview:
    criterion: Criterion
    findings: tuple[Finding, ...]

    @property
    def worst(self) -> Severity | None:
        return min((f.severity for f in self.findings), default=None)

    @property
    def verdict(self) -> str:
        """What an expert would likely say of this criterion, given the findings."""
        worst, criterion = self.worst, self.criterion
        if worst is None:
            return criterion.clean
        if worst == Severity.BLOCKING:
            if criterion.number is None:
                return f"Скорее всего, {criterion.low}."
            return f"Эксперт, скорее всего, оценит этот критерий низко: {criterion.low}."
        if worst == Severity.IMPORTANT:
            return f"Эксперт, скорее всего, снизит балл: {criterion.remark}."
        return "Эксперт может обратить внимание на подсказки ниже."

    @property
    def css(self) -> str:
        if self.worst is not None:
            return self.worst.css
        return "ok" if self.criterion.automatic else "manual"


def expert_review(findings: list[Finding]) -> list[CriterionReview]:
    """The findings grouped by the Fund's criteria, in the order of its evaluation sheet."""
    return [
        CriterionReview(criterion, tuple(f for f in findings if f.criterion == criterion.code))
        for criterion in CRITERIA
    ]
