"""The fair: seasons, entries and their review."""

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError
from nkohub.notifications.services import notify
from nkohub.projects.models import (
    FairEntry,
    FairSeason,
    Project,
)

from ._shared import _full_clean, _project_url, _users, team_recipients

if TYPE_CHECKING:
    from nkohub.accounts.models import User

# --- the fair --------------------------------------------------------------------------------------


@transaction.atomic
def season_save(
    *, actor: "User", season: FairSeason | None = None, data: dict[str, Any]
) -> FairSeason:
    """Create a fair season or change one (operators)."""
    before = FairSeason.objects.get(pk=season.pk) if season is not None and season.pk else None
    season = season or FairSeason()
    for name in FairSeason.EDITABLE_FIELDS:
        if name in data:
            setattr(season, name, data[name])
    _full_clean(season)
    season.save()
    changes = (
        diff_fields(before, season, list(FairSeason.EDITABLE_FIELDS))
        if before
        else {"title": season.title}
    )
    audit_log(
        actor=actor,
        action="projects.season.update" if before else "projects.season.create",
        obj=season,
        changes=changes,
    )
    return season


@transaction.atomic
def fair_entry_submit(
    *, actor: "User", project: Project, season: FairSeason, today: datetime.date | None = None
) -> FairEntry:
    today = today or timezone.localdate()
    if not (season.submissions_open_on <= today <= season.submissions_close_on):
        raise DomainError(
            _("Projects for «%(season)s» are accepted from %(opens)s to %(closes)s.")
            % {
                "season": season.title,
                "opens": format(season.submissions_open_on, "%d.%m.%Y"),
                "closes": format(season.submissions_close_on, "%d.%m.%Y"),
            },
            field="season",
        )
    if not project.is_open:
        raise DomainError(_("A completed or cancelled project cannot be submitted to the fair."))
    if not project.summary.strip() or not project.needs.exists():
        raise DomainError(
            _(
                "Before submitting, describe the project and add at least one need — so partners "
                "understand how to help."
            )
        )
    entry = FairEntry.objects.filter(season=season, project=project).first()
    if entry is not None and entry.status in (
        FairEntry.Status.SUBMITTED,
        FairEntry.Status.ACCEPTED,
    ):
        raise DomainError(_("The project is already submitted to this fair."), field="season")
    if entry is None:
        entry = FairEntry(season=season, project=project)
    entry.status = FairEntry.Status.SUBMITTED
    entry.submitted_by = actor
    entry.submitted_at = timezone.now()
    entry.decided_by = None
    entry.decided_at = None
    entry.decision_note = ""
    entry.save()
    audit_log(
        actor=actor, action="projects.fair.submit", obj=project, changes={"season": season.title}
    )
    notify(
        recipients=_users().filter(is_operator=True),
        kind="projects.fair.submitted",
        title=f"Новый проект на ярмарку: «{project.title}»",
        body=f"{project.organization} подаёт проект на «{season.title}».",
        obj=entry,
        url=reverse("projects:moderation"),
        actor=actor,
    )
    return entry


@transaction.atomic
def fair_entry_decide(
    *, actor: "User", entry: FairEntry, accept: bool, note: str = ""
) -> FairEntry:
    entry = (
        FairEntry.objects.select_for_update(of=("self",))
        .select_related("project__organization", "season")
        .get(pk=entry.pk)
    )
    if entry.status != FairEntry.Status.SUBMITTED:
        raise DomainError(_("This application is already decided."))
    if not accept and not note.strip():
        raise DomainError(
            _("Explain to the organisation why the project is not accepted."), field="note"
        )
    entry.status = FairEntry.Status.ACCEPTED if accept else FairEntry.Status.REJECTED
    entry.decided_by = actor
    entry.decided_at = timezone.now()
    entry.decision_note = note.strip()
    entry.save()
    audit_log(
        actor=actor,
        action="projects.fair.decide",
        obj=entry.project,
        changes={"season": entry.season.title, "status": entry.status},
    )
    project = entry.project
    title = (
        f"Проект «{project.title}» принят на «{entry.season.title}»"
        if accept
        else f"Проект «{project.title}» не принят на «{entry.season.title}»"
    )
    notify(
        recipients=team_recipients(project.organization),
        kind="projects.fair.accepted" if accept else "projects.fair.rejected",
        title=title,
        body=entry.decision_note,
        obj=project,
        url=_project_url(project),
        actor=actor,
    )
    return entry


@transaction.atomic
def fair_entry_withdraw(*, actor: "User", entry: FairEntry) -> FairEntry:
    if entry.status not in (FairEntry.Status.SUBMITTED, FairEntry.Status.ACCEPTED):
        raise DomainError(_("This application can no longer be withdrawn."))
    entry.status = FairEntry.Status.WITHDRAWN
    entry.save(update_fields=["status"])
    audit_log(
        actor=actor,
        action="projects.fair.withdraw",
        obj=entry.project,
        changes={"season": entry.season.title},
    )
    return entry
