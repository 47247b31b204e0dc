"""What an import reports: counts, every skipped row with its reasons, a sample of the changes."""

from dataclasses import dataclass, field

from nkohub.organizations.imports.validation import Candidate, Problem, Rejected

MAX_REPORTED_PROBLEMS = 5000
MAX_REPORTED_CHANGES = 200


@dataclass
class Change:
    line: int
    action: str  # created / updated
    name: str
    fields: list[str] = field(default_factory=list)


@dataclass
class Exclusion:
    """A record the source holds but the registry does not take by design (EGRUL: a company, an
    organisation of another region): counted by reason, not listed among the skipped rows."""

    line: int
    reason: str
    detail: str


@dataclass
class ImportResult:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    excluded: int = 0
    excluded_reasons: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    def add_problem(self, problem: Problem) -> None:
        self.skipped += 1
        if len(self.problems) < MAX_REPORTED_PROBLEMS:
            self.problems.append(problem)

    def add_exclusion(self, exclusion: Exclusion) -> None:
        self.excluded += 1
        self.excluded_reasons[exclusion.reason] = self.excluded_reasons.get(exclusion.reason, 0) + 1

    def add_change(self, change: Change) -> None:
        if len(self.changes) < MAX_REPORTED_CHANGES:
            self.changes.append(change)

    def created_one(self, line: int, name: str) -> None:
        self.created += 1
        self.add_change(Change(line, "created", name))

    def updated_one(self, line: int, name: str, fields: list[str]) -> None:
        self.updated += 1
        self.add_change(Change(line, "updated", name, fields))


Checked = Candidate | Rejected | Exclusion
