"""Every write of the grants app: following competitions, reminders, the application document
and its versions, statuses and outcomes, comparison figures."""

from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError

# the Fund's figures of the region and of others live in comparisons.py; importable from here too
from nkohub.grants.comparisons import comparison_delete as comparison_delete
from nkohub.grants.comparisons import comparison_save as comparison_save
from nkohub.grants.comparisons import fund_result_record as fund_result_record
from nkohub.grants.document import Snapshot, compare, snapshot_of
from nkohub.grants.models import (
    Application,
    ApplicationTask,
    ApplicationVersion,
    BudgetItem,
    Competition,
    CompetitionFollow,
    CompetitionReminder,
    PlanEvent,
    TeamMember,
)
from nkohub.notifications.services import notify
from nkohub.organizations.models import Organization, Sphere
from nkohub.projects.models import Project
from nkohub.projects.selectors import project_with_parts
from nkohub.territories.models import Municipality

if TYPE_CHECKING:
    from nkohub.accounts.models import User

DOCUMENT_PARTS = ("municipalities", "tasks", "team", "budget_items", "plan_events")
DOCUMENT_SCALARS = (
    "title",
    "summary",
    "goal",
    "social_significance",
    "covers_whole_region",
    "geography",
    "target_groups",
    "contacts",
    "cofinancing_sources",
)


def _validation_message(error: ValidationError) -> tuple[str, str | None]:
    if hasattr(error, "error_dict"):
        field, errors = next(iter(error.error_dict.items()))
        return " ".join(e.messages[0] for e in errors), field
    return " ".join(error.messages), None


def _full_clean(obj: Any, *, exclude: list[str] | None = None) -> None:
    try:
        obj.full_clean(exclude=exclude)
    except ValidationError as error:
        message, field = _validation_message(error)
        raise DomainError(message, field=field) from error


# --- following and reminders -------------------------------------------------------------


@transaction.atomic
def competition_follow(*, actor: "User", competition: Competition) -> CompetitionFollow:
    follow, created = CompetitionFollow.objects.get_or_create(competition=competition, user=actor)
    if created:
        audit_log(actor=actor, action="grants.competition.follow", obj=competition)
    return follow


@transaction.atomic
def competition_unfollow(*, actor: "User", competition: Competition) -> None:
    deleted, _rows = CompetitionFollow.objects.filter(competition=competition, user=actor).delete()
    if deleted:
        audit_log(actor=actor, action="grants.competition.unfollow", obj=competition)


def reminder_days() -> tuple[int, ...]:
    return tuple(sorted(getattr(settings, "GRANTS_REMINDER_DAYS", (7, 1)), reverse=True))


def send_competition_reminders(*, today: date | None = None) -> str:
    """Remind followers N days before a competition closes (N from GRANTS_REMINDER_DAYS).

    Idempotent: a reminder row per (follow, N) is created in the same transaction as the
    notification, and a unique constraint forbids a second one. A follower who started following
    late gets only the nearest reminder, not every missed one.
    """
    today = today or timezone.localdate()
    days = reminder_days()
    horizon = today + timedelta(days=max(days, default=0))
    follows = (
        CompetitionFollow.objects.filter(
            competition__applications_close_on__gte=today,
            competition__applications_close_on__lte=horizon,
            user__is_active=True,
        )
        .select_related("competition__funder", "user")
        .prefetch_related("reminders")
    )
    sent = 0
    for follow in follows:
        left = (follow.competition.applications_close_on - today).days
        due = [n for n in days if left <= n]
        if not due:
            continue
        threshold = min(due)
        if any(r.days_before <= threshold for r in follow.reminders.all()):
            continue
        sent += _send_reminder(follow=follow, days_before=threshold, left=left)
    return f"напоминаний о конкурсах отправлено: {sent}"


def _send_reminder(*, follow: CompetitionFollow, days_before: int, left: int) -> int:
    competition = follow.competition
    try:
        with transaction.atomic():
            CompetitionReminder.objects.create(follow=follow, days_before=days_before)
            closes = competition.applications_close_on.strftime("%d.%m.%Y")
            when = "сегодня" if left == 0 else f"через {left} дн."
            notify(
                recipients=[follow.user],
                kind="grants.competition.closing",
                title=f"Приём заявок на конкурс «{competition.title}» закрывается {when}",
                body=f"{competition.funder}: заявки принимаются до {closes} включительно.",
                obj=competition,
                url=reverse("grants:competition", args=[competition.pk]),
            )
    except IntegrityError:  # another run sent it a moment ago
        return 0
    return 1


# --- the application document ------------------------------------------------------------


def _snapshot_from_project(project: Project | None, organization: Organization) -> Snapshot:
    if project is None:
        return {"title": "", "tasks": [], "team": [], "budget_items": [], "plan_events": []}
    municipalities = sorted(project.municipalities.all(), key=lambda m: m.name)
    requested = project.requested_amount
    return {
        "title": project.title,
        "direction_id": None,
        "starts_on": project.starts_on.isoformat() if project.starts_on else None,
        "ends_on": project.ends_on.isoformat() if project.ends_on else None,
        "requested_amount": f"{requested:.2f}",
        "cofinancing_amount": f"{project.own_contribution + project.cofinancing:.2f}",
        "total_amount": f"{project.budget_total:.2f}",
        "summary": project.summary,
        "goal": project.goal,
        "social_significance": project.social_significance,
        "covers_whole_region": project.covers_whole_region,
        "municipalities": [{"id": m.pk, "name": m.name} for m in municipalities],
        "geography": "",
        "target_groups": "\n".join(project.target_group_list),
        "contacts": "\n".join(filter(None, [organization.public_phone, organization.public_email])),
        "tasks": [{"position": t.position, "text": t.text} for t in project.tasks.all()],
        "team": [],
        "budget_items": [],
        "plan_events": [],
    }


def _apply_document(application: Application, doc: Snapshot) -> None:
    """Write a snapshot into the application and its rows (the application is saved first)."""
    for name in DOCUMENT_SCALARS:
        if name in doc:
            setattr(application, name, doc[name] if doc[name] is not None else "")
    application.covers_whole_region = bool(doc.get("covers_whole_region"))
    direction_id = doc.get("direction_id")
    application.direction = Sphere.objects.filter(pk=direction_id).first() if direction_id else None
    for name in ("starts_on", "ends_on"):
        value = doc.get(name)
        setattr(application, name, date.fromisoformat(value) if value else None)
    for name in ("requested_amount", "cofinancing_amount", "total_amount"):
        setattr(application, name, Decimal(str(doc.get(name) or "0")))
    _full_clean(
        application,
        exclude=["organization", "competition", "funder", "project", "direction", "fund_number"],
    )
    application.save()
    ids = [m["id"] for m in doc.get("municipalities", [])]
    application.municipalities.set(Municipality.objects.filter(pk__in=ids))
    application.tasks.all().delete()
    application.team.all().delete()
    application.budget_items.all().delete()
    application.plan_events.all().delete()
    rows: list[Any] = [
        ApplicationTask(application=application, position=t["position"], text=t["text"])
        for t in doc.get("tasks", [])
    ]
    rows += [
        TeamMember(
            application=application,
            position=m["position"],
            name=m["name"],
            role=m["role"],
            experience=m.get("experience") or "",
        )
        for m in doc.get("team", [])
    ]
    rows += [
        BudgetItem(
            application=application,
            position=b["position"],
            category=b.get("category") or BudgetItem.Category.OTHER,
            name=b["name"],
            amount=Decimal(str(b.get("amount") or "0")),
            cofinancing=Decimal(str(b.get("cofinancing") or "0")),
        )
        for b in doc.get("budget_items", [])
    ]
    rows += [
        PlanEvent(
            application=application,
            position=e["position"],
            task_number=e["task_number"],
            title=e["title"],
            starts_on=date.fromisoformat(e["starts_on"]) if e.get("starts_on") else None,
            ends_on=date.fromisoformat(e["ends_on"]) if e.get("ends_on") else None,
            expected_result=e.get("expected_result") or "",
        )
        for e in doc.get("plan_events", [])
    ]
    for row in rows:
        _full_clean(row, exclude=["application"])
    ApplicationTask.objects.bulk_create([r for r in rows if isinstance(r, ApplicationTask)])
    TeamMember.objects.bulk_create([r for r in rows if isinstance(r, TeamMember)])
    BudgetItem.objects.bulk_create([r for r in rows if isinstance(r, BudgetItem)])
    PlanEvent.objects.bulk_create([r for r in rows if isinstance(r, PlanEvent)])


def _record_version(
    *, actor: "User | None", application: Application, note: str
) -> ApplicationVersion:
    application.version += 1
    application.updated_by = actor if getattr(actor, "is_authenticated", False) else None
    application.save(update_fields=["version", "updated_by", "updated_at"])
    fresh = Application.objects.prefetch_related(*DOCUMENT_PARTS).get(pk=application.pk)
    return ApplicationVersion.objects.create(
        application=application,
        number=application.version,
        snapshot=snapshot_of(fresh),
        note=note[:300],
        created_by=application.updated_by,
    )


@transaction.atomic
def application_start(
    *,
    actor: "User | None",
    organization: Organization,
    competition: Competition,
    project: Project | None = None,
) -> Application:
    """A new draft for `competition`, with the project's fields carried over."""
    if project is not None and project.organization_id != organization.pk:
        raise DomainError(_("The project belongs to another organisation."), field="project")
    if project is not None:
        project = project_with_parts(project.pk)
    doc = _snapshot_from_project(project, organization)
    directions = list(competition.directions.all())
    if project is not None:
        project_spheres = {sphere.pk for sphere in project.spheres.all()}
        matching = [d for d in directions if d.pk in project_spheres]
        if matching:
            doc["direction_id"] = matching[0].pk
    if len(directions) == 1 and not doc.get("direction_id"):
        doc["direction_id"] = directions[0].pk
    if not doc["title"]:
        doc["title"] = f"Новая заявка на конкурс «{competition.title}»"[:300]
    application = Application(
        organization=organization,
        competition=competition,
        competition_title=competition.title,
        funder=competition.funder,
        project=project,
        created_by=actor,
        title=doc["title"][:300],
    )
    _apply_document(application, doc)
    _record_version(
        actor=actor, application=application, note="Создана из проекта" if project else "Создана"
    )
    audit_log(
        actor=actor,
        action="grants.application.start",
        obj=application,
        changes={"competition": competition, "project": project},
    )
    return application


@transaction.atomic
def application_save(
    *,
    actor: "User | None",
    application: Application,
    document: Snapshot,
    base_version: int,
    note: str = "",
) -> ApplicationVersion:
    """Save the document as a new version. `base_version` is the version the editor started
    from: when someone else saved in between, nothing is overwritten."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.version != base_version:
        raise DomainError(
            _(
                "While you were editing, the application was saved (version %(version)s). Open "
                "it again and carry your changes over: the other changes will not be overwritten."
            )
            % {"version": locked.version}
        )
    if not locked.is_editable:
        raise DomainError(_("The application is no longer a draft: editing is closed."))
    before = snapshot_of(locked)
    _apply_document(locked, document)
    version = _record_version(actor=actor, application=locked, note=note)
    changes = {c.label: [c.old[:200], c.new[:200]] for c in compare(before, version.snapshot)}
    audit_log(actor=actor, action="grants.application.save", obj=locked, changes=changes)
    application.refresh_from_db()
    return version


@transaction.atomic
def application_restore(
    *, actor: "User", application: Application, number: int
) -> ApplicationVersion:
    """Bring back version `number` as a new version (history is never rewritten)."""
    source = ApplicationVersion.objects.filter(application=application, number=number).first()
    if source is None:
        raise DomainError(_("The application has no version %(number)s.") % {"number": number})
    version = application_save(
        actor=actor,
        application=application,
        document=source.snapshot,
        base_version=application.version,
        note=f"Восстановлена версия {number}",
    )
    audit_log(
        actor=actor, action="grants.application.restore", obj=application, changes={"from": number}
    )
    return version


# --- statuses and outcomes ---------------------------------------------------------------


@transaction.atomic
def application_change_status(
    *,
    actor: "User | None",
    application: Application,
    status: str,
    fund_number: str = "",
    submitted_on: date | None = None,
    awarded_amount: Decimal | None = None,
    decided_on: date | None = None,
) -> Application:
    """Submitted (with the Fund's number), won (with the amount), not supported, withdrawn, or
    back to draft after a withdrawal. The allowed moves are `Application.TRANSITIONS`."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    if not locked.can_move_to(status):
        raise DomainError(
            _("An application cannot go from «%(current)s» to «%(target)s».")
            % {"current": locked.get_status_display(), "target": Application.Status(status).label},
            field="status",
        )
    before = {
        "status": locked.status,
        "fund_number": locked.fund_number,
        "awarded_amount": locked.awarded_amount,
    }
    today = timezone.localdate()
    if status == Application.Status.SUBMITTED:
        if not fund_number:
            raise DomainError(
                _("Enter the application number the fund assigned."), field="fund_number"
            )
        clash = Application.objects.filter(fund_number=fund_number).exclude(pk=locked.pk)
        if clash.exists():
            raise DomainError(
                _("An application with the number %(number)s is already on the platform.")
                % {"number": fund_number},
                field="fund_number",
            )
        locked.fund_number = fund_number
        locked.submitted_on = submitted_on or today
    elif status == Application.Status.WON:
        if awarded_amount is None or awarded_amount <= 0:
            raise DomainError(_("Enter the amount of the grant."), field="awarded_amount")
        locked.awarded_amount = awarded_amount
        locked.decided_on = decided_on or today
    elif status == Application.Status.NOT_SUPPORTED:
        locked.awarded_amount = None
        locked.decided_on = decided_on or today
    locked.status = status
    _full_clean(locked, exclude=["organization", "competition", "funder", "project", "direction"])
    locked.save()
    audit_log(
        actor=actor,
        action=f"grants.application.{status}",
        obj=locked,
        changes={
            "status": [before["status"], status],
            "fund_number": [before["fund_number"], locked.fund_number],
            "awarded_amount": [before["awarded_amount"], locked.awarded_amount],
        },
    )
    members = [m.user for m in locked.organization.memberships.select_related("user")]
    notify(
        recipients=members,
        kind=f"grants.application.{status}",
        title=f"Заявка «{locked.title}»: {locked.get_status_display()}",
        obj=locked,
        url=reverse("grants:application", args=[locked.pk]),
        actor=actor,
    )
    application.refresh_from_db()
    return locked


# --- competitions ------------------------------------------------------------------------


@transaction.atomic
def competition_save(
    *, actor: "User | None", competition: Competition, directions: Any = None
) -> Competition:
    creating = competition.pk is None
    _full_clean(competition)
    try:
        with transaction.atomic():
            competition.save()
    except IntegrityError as error:
        raise DomainError(
            _("This grant-maker already has a competition with this title."), field="title"
        ) from error
    if directions is not None:
        competition.directions.set(directions)
    audit_log(
        actor=actor,
        action="grants.competition." + ("create" if creating else "update"),
        obj=competition,
        changes={
            "applications_close_on": competition.applications_close_on,
            "amounts": [competition.min_amount, competition.max_amount],
        },
    )
    return competition
