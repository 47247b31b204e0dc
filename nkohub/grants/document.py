"""The application as a document: a JSON snapshot of everything the applicant writes, the Fund's
order of sections, and a field-by-field comparison of two snapshots.

The snapshot is what a version stores, what the checker reads and what exports render, so the
three never disagree about what the application says.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from nkohub.grants.models import Application, BudgetItem

Snapshot = dict[str, Any]

# The Fund's order of the application's parts (DOMAIN.md), used by the page, DOCX and PDF.
SCALAR_FIELDS: tuple[tuple[str, Any], ...] = (
    ("title", _("Project title")),
    ("direction", _("Grant direction")),
    ("starts_on", _("Start date")),
    ("ends_on", _("End date")),
    ("requested_amount", _("Requested amount")),
    ("cofinancing_amount", _("Co-financing")),
    ("total_amount", _("Total cost of the project")),
    ("summary", _("Short description")),
    ("goal", _("Goal")),
    ("tasks", _("Tasks")),
    ("social_significance", _("Justification of social significance")),
    ("geography", _("Geography of the project")),
    ("target_groups", _("Target groups")),
    ("team", _("Project team")),
    ("budget_items", _("Budget")),
    ("cofinancing_sources", _("Co-financing and own contribution")),
    ("plan_events", _("Calendar plan")),
    ("contacts", _("Contact information")),
)
FIELD_LABELS: dict[str, Any] = dict(SCALAR_FIELDS)
MONEY_FIELDS = ("requested_amount", "cofinancing_amount", "total_amount")
DATE_FIELDS = ("starts_on", "ends_on")


def _money(value: Decimal | None) -> str:
    return f"{(value or Decimal('0')):.2f}"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def snapshot_of(application: Application) -> Snapshot:
    """Everything the applicant wrote, as plain JSON (money as strings, dates ISO)."""
    municipalities = sorted(application.municipalities.all(), key=lambda m: m.name)
    return {
        "title": application.title,
        "direction_id": application.direction_id,
        "direction": application.direction.name if application.direction else "",
        "starts_on": _iso(application.starts_on),
        "ends_on": _iso(application.ends_on),
        "requested_amount": _money(application.requested_amount),
        "cofinancing_amount": _money(application.cofinancing_amount),
        "total_amount": _money(application.total_amount),
        "summary": application.summary,
        "goal": application.goal,
        "social_significance": application.social_significance,
        "covers_whole_region": application.covers_whole_region,
        "municipalities": [{"id": m.pk, "name": m.name} for m in municipalities],
        "geography": application.geography,
        "target_groups": application.target_groups,
        "contacts": application.contacts,
        "cofinancing_sources": application.cofinancing_sources,
        "tasks": [{"position": t.position, "text": t.text} for t in application.tasks.all()],
        "team": [
            {"position": m.position, "name": m.name, "role": m.role, "experience": m.experience}
            for m in application.team.all()
        ],
        "budget_items": [
            {
                "position": b.position,
                "category": b.category,
                "name": b.name,
                "amount": _money(b.amount),
                "cofinancing": _money(b.cofinancing),
            }
            for b in application.budget_items.all()
        ],
        "plan_events": [
            {
                "position": e.position,
                "task_number": e.task_number,
                "title": e.title,
                "starts_on": _iso(e.starts_on),
                "ends_on": _iso(e.ends_on),
                "expected_result": e.expected_result,
            }
            for e in application.plan_events.all()
        ],
    }


def _date_text(value: str | None) -> str:
    if not value:
        return "—"
    return date.fromisoformat(value).strftime("%d.%m.%Y")


def _money_text(value: str) -> str:
    amount = Decimal(value)
    whole, _dot, kopecks = f"{amount:.2f}".partition(".")
    groups = f"{int(whole):,}".replace(",", "\u00a0")
    return f"{groups},{kopecks}\u00a0₽"


def geography_text(snapshot: Snapshot) -> str:
    parts = []
    if snapshot.get("covers_whole_region"):
        parts.append(str(_("The whole region")))
    names = [m["name"] for m in snapshot.get("municipalities", [])]
    if names:
        parts.append(", ".join(names))
    if snapshot.get("geography"):
        parts.append(snapshot["geography"])
    return "; ".join(parts)


def team_member_text(member: dict[str, Any]) -> str:
    text = f"{member['position']}. {member['name']} — {member['role']}"
    return f"{text}: {member['experience']}" if member.get("experience") else text


def budget_category_label(code: str) -> str:
    try:
        return str(BudgetItem.Category(code).label)
    except ValueError:
        return code


def field_text(snapshot: Snapshot, field: str) -> str:
    """A field as a person reads it (used by the comparison and the exports)."""
    if field in MONEY_FIELDS:
        return _money_text(snapshot.get(field) or "0")
    if field in DATE_FIELDS:
        return _date_text(snapshot.get(field))
    if field == "geography":
        return geography_text(snapshot)
    if field == "tasks":
        return "\n".join(f"{t['position']}. {t['text']}" for t in snapshot.get("tasks", []))
    if field == "team":
        return "\n".join(team_member_text(m) for m in snapshot.get("team", []))
    if field == "budget_items":
        return "\n".join(
            f"{b['position']}. {b['name']} ({budget_category_label(b['category'])}): "
            f"{_money_text(b['amount'])}"
            + (f" + {_money_text(b['cofinancing'])}" if Decimal(b["cofinancing"]) else "")
            for b in snapshot.get("budget_items", [])
        )
    if field == "plan_events":
        return "\n".join(
            f"{e['position']}. [{e['task_number']}] {e['title']} "
            f"({_date_text(e['starts_on'])}–{_date_text(e['ends_on'])}): {e['expected_result']}"
            for e in snapshot.get("plan_events", [])
        )
    return str(snapshot.get(field) or "")


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


def compare(old: Snapshot, new: Snapshot) -> list[FieldChange]:
    """The parts that differ between two snapshots, in the Fund's order."""
    changes = []
    for field, label in SCALAR_FIELDS:
        before, after = field_text(old, field), field_text(new, field)
        if before != after:
            changes.append(FieldChange(field=field, label=str(label), old=before, new=after))
    return changes
