"""Import of the Fund's project cards (service): the organisation (found by OGRN, then INN, or
created), its project and the application with its outcome.

Fields the parser could not read are reported and left as they are: one unread field never stops
the card. Only a card without a title or without a valid OGRN/INN is not imported (nothing can be
tied to it safely), and one whose organisation is neither in the registry nor named on the card.

Every run logs what it does to the `nkohub.grants.card_import` logger with structured fields, each
record carrying the run's id (`extra={"run": …, "event": …}`): started (source, size), each field or
card skipped with the reason, finished (counts, seconds). A folder imported by the command is one run.
"""

import logging
import re
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.grants.cards import FIELD_LABELS, CardProblem, ParsedCard, parse_card
from nkohub.grants.models import Application, Competition
from nkohub.grants.reference import federal_funder
from nkohub.grants.services import _apply_document, _record_version
from nkohub.organizations.models import Organization, Sphere
from nkohub.organizations.services import organization_from_fund_card
from nkohub.projects.models import Project
from nkohub.projects.services import project_create, project_update
from nkohub.territories.models import Municipality

FUND_CODE = "pfg"

logger = logging.getLogger(__name__)


class _DryRun(Exception):
    """Raised inside the transaction to undo a dry run."""


@dataclass
class CardImportResult:
    source: str
    card: ParsedCard
    problems: list[CardProblem] = field(default_factory=list)
    error: str = ""
    actions: dict[str, str] = field(default_factory=dict)  # organization/project/application
    notes: list[str] = field(default_factory=list)
    application_id: int | None = None
    dry_run: bool = False
    run_id: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    def action_rows(self) -> list[tuple[str, str]]:
        parts = {"organization": "Организация", "project": "Проект", "application": "Заявка"}
        verbs = {
            "created": "будет создана" if self.dry_run else "создана",
            "updated": "будет обновлена" if self.dry_run else "обновлена",
            "found": "найдена в реестре",
        }
        return [(parts[k], verbs.get(v, v)) for k, v in self.actions.items()]

    def read_rows(self) -> list[tuple[str, str]]:
        """Every field read, labelled in Russian, for the operator's page."""
        rows = []
        for name, value in self.card.as_json().items():
            text = "\n".join(value) if isinstance(value, list) else str(value)
            rows.append((FIELD_LABELS.get(name, name), text))
        return rows

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "fields": self.card.as_json(),
            "unread": [p.as_dict() for p in self.problems],
            "error": self.error or None,
            "actions": self.actions,
            "notes": self.notes,
            "dry_run": self.dry_run,
        }


def _norm(text: str) -> str:
    return re.sub(r"[^а-яa-z0-9 ]", "", text.lower().replace("ё", "е")).strip()


def _match_direction(text: str) -> Sphere | None:
    wanted = _norm(text)
    for sphere in Sphere.objects.order_by("-is_fund_direction", "position"):
        if _norm(sphere.name) == wanted:
            return sphere
    return None


def _match_municipalities(text: str) -> list[Municipality]:
    region = getattr(settings, "CLUSTER_REGION", "")
    found = []
    for municipality in Municipality.objects.filter(region__code=region):
        if re.search(rf"(?<![а-яё]){re.escape(municipality.name.lower())}", text.lower()):
            found.append(municipality)
    return found


def _organization(
    actor: User | None, values: dict[str, Any], result: CardImportResult
) -> Organization:
    """The registry's organisation, through the registry's own service (INN/OGRN checked there)."""
    found = organization_from_fund_card(
        actor=actor,
        full_name=values.get("organization", ""),
        inn=values.get("inn"),
        ogrn=values.get("ogrn"),
        card_number=values.get("fund_number", "") or "",
    )
    result.actions["organization"] = found.action
    result.notes.extend(found.notes)
    return found.organization


def _project(
    actor: User | None, organization: Organization, values: dict[str, Any], result: CardImportResult
) -> Project:
    data: dict[str, Any] = {
        "title": values["title"][:300],
        "summary": values.get("summary") or values["title"],
        "goal": values.get("goal", ""),
        "social_significance": values.get("social_significance", ""),
        "target_groups": "\n".join(values.get("target_groups", [])),
        "starts_on": values.get("starts_on"),
        "ends_on": values.get("ends_on"),
    }
    total = values.get("total_amount")
    if total is not None:
        data["budget_total"] = total
        cofinancing = values.get("cofinancing_amount")
        if cofinancing is not None and cofinancing <= total:
            data["cofinancing"] = cofinancing
    data = {k: v for k, v in data.items() if v is not None}
    municipalities = _match_municipalities(values.get("geography", ""))
    direction = values.get("direction_sphere")
    project = Project.objects.filter(organization=organization, title=data["title"]).first()
    if project is None:
        project = project_create(
            actor=actor,
            organization=organization,
            data=data,
            spheres=[direction] if direction else [],
            municipalities=municipalities,
            tasks=values.get("tasks", []),
        )
        result.actions["project"] = "created"
    else:
        project_update(
            actor=actor,
            project=project,
            data=data,
            municipalities=municipalities or None,
            tasks=values.get("tasks") or None,
        )
        if direction:
            project.spheres.add(direction)
        result.actions["project"] = "updated"
    return project


def _application(
    actor: User | None,
    organization: Organization,
    project: Project,
    values: dict[str, Any],
    result: CardImportResult,
) -> Application:
    funder = federal_funder(FUND_CODE)
    competition_title = values.get("competition", "")
    competition = None
    if competition_title:
        competition = (
            Competition.objects.filter(title__iexact=competition_title)
            .filter(funder=funder)
            .first()
        )
    application = None
    if values.get("fund_number"):
        application = Application.objects.filter(fund_number=values["fund_number"]).first()
    if application is None:
        application = Application.objects.filter(
            organization=organization, title=values["title"], competition_title=competition_title
        ).first()
    if application is not None and application.organization_id != organization.pk:
        raise DomainError(
            gettext(
                "Application %(number)s is already on the platform with another organisation"
                " («%(organization)s»)."
            )
            % {"number": values.get("fund_number"), "organization": application.organization}
        )
    result.actions["application"] = "updated" if application else "created"
    if application is None:
        application = Application(organization=organization, created_by=actor)
    application.source = Application.Source.FUND_CARD
    application.project = project
    application.competition = competition
    application.competition_title = competition_title[:300]
    application.funder = funder
    application.fund_number = values.get("fund_number") or application.fund_number
    application.submitted_on = values.get("submitted_on") or application.submitted_on
    status = values.get("status") or application.status
    application.status = status
    if status == Application.Status.WON:
        awarded = values.get("awarded_amount")
        if awarded is None:
            awarded = values.get("requested_amount")
            if awarded is not None:
                result.notes.append(
                    "В карточке нет размера гранта: сумма гранта принята равной запрашиваемой."
                )
        application.awarded_amount = awarded
        if awarded is None:
            application.status = Application.Status.SUBMITTED
            result.notes.append(
                "Проект — победитель, но ни размер гранта, ни запрашиваемая сумма не прочитаны: "
                "заявка записана как поданная."
            )
    else:
        application.awarded_amount = None
    municipalities = _match_municipalities(values.get("geography", ""))
    document = {
        "title": values["title"][:300],
        "direction_id": values["direction_sphere"].pk if values.get("direction_sphere") else None,
        "starts_on": values["starts_on"].isoformat() if values.get("starts_on") else None,
        "ends_on": values["ends_on"].isoformat() if values.get("ends_on") else None,
        "requested_amount": f"{values.get('requested_amount') or Decimal('0'):.2f}",
        "cofinancing_amount": f"{values.get('cofinancing_amount') or Decimal('0'):.2f}",
        "total_amount": f"{values.get('total_amount') or Decimal('0'):.2f}",
        "summary": values.get("summary", ""),
        "goal": values.get("goal", ""),
        "social_significance": values.get("social_significance", ""),
        "covers_whole_region": False,
        "municipalities": [{"id": m.pk, "name": m.name} for m in municipalities],
        "geography": values.get("geography", ""),
        "target_groups": "\n".join(values.get("target_groups", [])),
        "contacts": values.get("contacts", ""),
        "cofinancing_sources": "",
        "team": [],
        "tasks": [
            {"position": n, "text": text} for n, text in enumerate(values.get("tasks", []), 1)
        ],
        "budget_items": [],
        "plan_events": [],
    }
    _apply_document(application, document)
    _record_version(actor=actor, application=application, note="Импортирована из карточки фонда")
    audit_log(
        actor=actor,
        action="grants.card.application_" + result.actions["application"],
        obj=application,
        changes={"fund_number": application.fund_number, "status": application.status},
    )
    return application


def new_run_id() -> str:
    """The id every log record of one import run carries."""
    return uuid.uuid4().hex[:12]


def _log(level: int, run: str, event: str, message: str, *args: object, **fields: Any) -> None:
    """One record of a run: readable text, and the same facts as fields for a structured handler."""
    logger.log(
        level, "card import %s " + message, run, *args, extra={"run": run, "event": event, **fields}
    )


def fund_card_import(
    *, actor: User | None, text: str, source: str = "", dry_run: bool = False, run_id: str = ""
) -> CardImportResult:
    """Read one card and write what it says; with `dry_run` everything is undone at the end.

    `run_id` ties the card's log records to a larger run (a folder); without it the card is its own run.
    """
    run = run_id or new_run_id()
    started = time.monotonic()
    _log(
        logging.INFO,
        run,
        "card_started",
        "started: %s, %d characters",
        source or "-",
        len(text),
        source=source,
        size=len(text),
        dry_run=dry_run,
    )
    result = _import_card(actor=actor, text=text, source=source, dry_run=dry_run)
    result.run_id = run
    for problem in result.problems:
        _log(
            logging.INFO,
            run,
            "field_skipped",
            "field %s skipped: %s",
            problem.field,
            problem.reason,
            source=source,
            field=problem.field,
            reason=problem.reason,
        )
    if not result.ok:
        _log(
            logging.WARNING,
            run,
            "card_skipped",
            "card %s skipped: %s",
            source or "-",
            result.error,
            source=source,
            reason=result.error,
        )
    seconds = round(time.monotonic() - started, 3)
    read, skipped = len(result.card.as_json()), len(result.problems)
    _log(
        logging.INFO,
        run,
        "card_finished",
        "finished in %.3f s: %d fields read, %d skipped",
        seconds,
        read,
        skipped,
        source=source,
        imported=result.ok,
        dry_run=dry_run,
        actions=dict(result.actions),
        fields_read=read,
        fields_skipped=skipped,
        seconds=seconds,
    )
    return result


def fund_cards_import(
    *, actor: User | None, files: Iterable[Path], dry_run: bool = False
) -> list[CardImportResult]:
    """Import card files as one run: one id on every record, counts for the whole run at the end."""
    paths = list(files)
    run = new_run_id()
    started = time.monotonic()
    size = sum(p.stat().st_size for p in paths)
    _log(
        logging.INFO,
        run,
        "started",
        "started: %d files, %d bytes",
        len(paths),
        size,
        source=", ".join(str(p) for p in paths),
        files=len(paths),
        size=size,
        dry_run=dry_run,
    )
    results = [
        fund_card_import(
            actor=actor, text=read_card_file(p), source=str(p), dry_run=dry_run, run_id=run
        )
        for p in paths
    ]
    imported = sum(1 for r in results if r.ok)
    seconds = round(time.monotonic() - started, 3)
    _log(
        logging.INFO,
        run,
        "finished",
        "finished in %.3f s: %d of %d cards imported",
        seconds,
        imported,
        len(results),
        files=len(results),
        imported=imported,
        skipped=len(results) - imported,
        fields_skipped=sum(len(r.problems) for r in results),
        dry_run=dry_run,
        seconds=seconds,
    )
    return results


def _import_card(*, actor: User | None, text: str, source: str, dry_run: bool) -> CardImportResult:
    card = parse_card(text)
    result = CardImportResult(source=source, card=card, dry_run=dry_run)
    result.problems = list(card.problems)
    values = dict(card.values)
    if "requested_amount" not in values and "awarded_amount" in values:
        values["requested_amount"] = values["awarded_amount"]
        result.notes.append(
            "На карточке победителя фонд публикует размер гранта вместо запрашиваемой суммы: "
            "запрашиваемая сумма принята равной гранту."
        )
    if values.get("direction"):
        sphere = _match_direction(values["direction"])
        if sphere is None:
            result.problems.append(
                CardProblem("direction", f"нет такого направления Фонда: «{values['direction']}»")
            )
        values["direction_sphere"] = sphere
    missing = []
    if not values.get("title"):
        missing.append("название проекта")
    if not values.get("inn") and not values.get("ogrn"):
        missing.append("ИНН или ОГРН организации (без них карточку не к кому привязать)")
    if missing:
        result.error = "Карточка не импортирована: не прочитаны " + ", ".join(missing) + "."
        return result
    try:
        with transaction.atomic():
            organization = _organization(actor, values, result)
            project = _project(actor, organization, values, result)
            application = _application(actor, organization, project, values, result)
            result.application_id = application.pk
            if dry_run:
                raise _DryRun
    except _DryRun:
        result.application_id = None
    except DomainError as error:
        result.error = f"Карточка не импортирована: {error.message}"
        result.actions = {}
    return result


def card_files(path: Path) -> list[Path]:
    """A file, or the card files of a folder (.txt, .md, .html), in name order."""
    if path.is_dir():
        return sorted(
            p
            for p in path.iterdir()
            if p.is_file() and p.suffix.lower() in {".txt", ".md", ".html"}
        )
    return [path]


def read_card_file(path: Path) -> str:
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")
