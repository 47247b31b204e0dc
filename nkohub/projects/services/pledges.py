"""Pledges of sponsors, partnerships and what was given."""

import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.core.templatetags.nkohub import rubles
from nkohub.notifications.services import notify
from nkohub.organizations.models import Organization
from nkohub.projects.models import (
    Fulfilment,
    Partnership,
    Pledge,
    Project,
    ProjectNeed,
)

from ._shared import _full_clean, _project_url, pledger_recipients, team_recipients

if TYPE_CHECKING:
    from nkohub.accounts.models import User

# --- pledges and partnerships ----------------------------------------------------------------------


@transaction.atomic
def pledge_create(
    *,
    actor: "User",
    project: Project,
    kind: str,
    organization: Organization | None = None,
    need: ProjectNeed | None = None,
    amount: Decimal | None = None,
    description: str = "",
    conditions: str = "",
) -> Pledge:
    if not Project.objects.filter(pk=project.pk, status__in=Project.OPEN_STATUSES).exists():
        raise DomainError(_("The project is completed or cancelled and accepts no more support."))
    if need is not None and need.project_id != project.pk:
        raise DomainError(_("Choose a need of this project."), field="need")
    if kind == Pledge.Kind.MONEY and amount is None:
        raise DomainError(_("Enter the amount in rubles."), field="amount")
    if kind != Pledge.Kind.MONEY and not description.strip():
        raise DomainError(_("Describe what exactly you offer."), field="description")
    if need is not None and (need.kind == ProjectNeed.Kind.MONEY) != (kind == Pledge.Kind.MONEY):
        raise DomainError(
            _("A money need is covered only with money, and the other way round."), field="need"
        )
    pledge = Pledge(
        project=project,
        kind=kind,
        organization=organization,
        need=need,
        amount=amount,
        description=description.strip(),
        conditions=conditions.strip(),
        pledged_by=actor,
    )
    _full_clean(pledge)
    pledge.save()
    audit_log(
        actor=actor,
        action="projects.pledge.create",
        obj=pledge,
        changes={"kind": kind, "amount": amount},
    )
    notify(
        recipients=team_recipients(project.organization),
        kind="projects.pledge.created",
        title=f"{pledge.pledger_name} предлагает поддержку проекту «{project.title}»",
        body=pledge.description or f"{pledge.get_kind_display()}: {rubles(amount)}",
        obj=pledge,
        url=_project_url(project) + "#pledges",
        actor=actor,
    )
    return pledge


def _locked_pending(pledge: Pledge) -> Pledge:
    locked = (
        Pledge.objects.select_for_update(of=("self",))
        .select_related("project__organization", "organization", "pledged_by")
        .get(pk=pledge.pk)
    )
    if locked.status != Pledge.Status.PENDING:
        raise DomainError(_("This offer is already decided."))
    return locked


@transaction.atomic
def pledge_accept(*, actor: "User", pledge: Pledge) -> Partnership:
    pledge = _locked_pending(pledge)
    if not pledge.project.is_open:
        raise DomainError(_("The project is completed or cancelled and accepts no more support."))
    pledge.status = Pledge.Status.ACCEPTED
    pledge.decided_by = actor
    pledge.decided_at = timezone.now()
    pledge.save(update_fields=["status", "decided_by", "decided_at"])
    partnership = Partnership.objects.create(pledge=pledge)
    audit_log(actor=actor, action="projects.pledge.accept", obj=pledge)
    notify(
        recipients=pledger_recipients(pledge),
        kind="projects.pledge.accepted",
        title=f"Команда проекта «{pledge.project.title}» приняла вашу поддержку",
        body="Вы — партнёр проекта. Команда будет отмечать, что получено.",
        obj=pledge,
        url=_project_url(pledge.project),
        actor=actor,
    )
    return partnership


@transaction.atomic
def pledge_decline(*, actor: "User", pledge: Pledge, reason: str = "") -> Pledge:
    pledge = _locked_pending(pledge)
    pledge.status = Pledge.Status.DECLINED
    pledge.decided_by = actor
    pledge.decided_at = timezone.now()
    pledge.decline_reason = reason.strip()
    pledge.save(update_fields=["status", "decided_by", "decided_at", "decline_reason"])
    audit_log(
        actor=actor,
        action="projects.pledge.decline",
        obj=pledge,
        changes={"reason": pledge.decline_reason},
    )
    notify(
        recipients=pledger_recipients(pledge),
        kind="projects.pledge.declined",
        title=f"Команда проекта «{pledge.project.title}» отклонила предложение поддержки",
        body=pledge.decline_reason,
        obj=pledge,
        url=_project_url(pledge.project),
        actor=actor,
    )
    return pledge


@transaction.atomic
def pledge_withdraw(*, actor: "User", pledge: Pledge) -> Pledge:
    pledge = _locked_pending(pledge)
    pledge.status = Pledge.Status.WITHDRAWN
    pledge.save(update_fields=["status"])
    audit_log(actor=actor, action="projects.pledge.withdraw", obj=pledge)
    notify(
        recipients=team_recipients(pledge.project.organization),
        kind="projects.pledge.withdrawn",
        title=f"{pledge.pledger_name} отозвал предложение поддержки проекта «{pledge.project.title}»",
        obj=pledge,
        url=_project_url(pledge.project),
        actor=actor,
    )
    return pledge


@transaction.atomic
def fulfilment_record(
    *,
    actor: "User",
    partnership: Partnership,
    received_on: datetime.date,
    amount: Decimal | None = None,
    note: str = "",
    completes: bool = False,
) -> Fulfilment:
    partnership = (
        Partnership.objects.select_for_update(of=("self",))
        .select_related(
            "pledge__project__organization", "pledge__organization", "pledge__pledged_by"
        )
        .get(pk=partnership.pk)
    )
    pledge = partnership.pledge
    if partnership.status != Partnership.Status.ACTIVE:
        raise DomainError(_("The partnership is already closed."))
    if received_on > timezone.localdate():
        raise DomainError(_("The date of receipt cannot be in the future."), field="received_on")
    if pledge.kind == Pledge.Kind.MONEY and amount is None:
        raise DomainError(_("Enter the amount received."), field="amount")
    if amount is None and not note.strip():
        raise DomainError(_("Enter the quantity or describe what was received."), field="note")
    fulfilment = Fulfilment(
        partnership=partnership,
        received_on=received_on,
        amount=amount,
        note=note.strip(),
        recorded_by=actor,
    )
    _full_clean(fulfilment)
    fulfilment.save()
    received = sum((f.amount or Decimal("0") for f in partnership.fulfilments.all()), Decimal("0"))
    if completes or (pledge.amount is not None and received >= pledge.amount):
        partnership.status = Partnership.Status.FULFILLED
        partnership.closed_at = timezone.now()
        partnership.save(update_fields=["status", "closed_at"])
    audit_log(
        actor=actor,
        action="projects.fulfilment.record",
        obj=pledge,
        changes={"amount": amount, "received_on": received_on},
    )
    notify(
        recipients=pledger_recipients(pledge),
        kind="projects.fulfilment.recorded",
        title=f"Проект «{pledge.project.title}» отметил получение поддержки",
        body=rubles(amount) if pledge.kind == Pledge.Kind.MONEY else (note or f"{amount:f}"),
        obj=pledge,
        url=_project_url(pledge.project),
        actor=actor,
    )
    return fulfilment


@transaction.atomic
def partnership_end(*, actor: "User", partnership: Partnership, reason: str) -> Partnership:
    """The team closes a partnership that will not be fulfilled further; what was delivered stays."""
    partnership = (
        Partnership.objects.select_for_update(of=("self",))
        .select_related(
            "pledge__project__organization", "pledge__organization", "pledge__pledged_by"
        )
        .get(pk=partnership.pk)
    )
    if partnership.status != Partnership.Status.ACTIVE:
        raise DomainError(_("The partnership is already closed."))
    if not reason.strip():
        raise DomainError(_("Explain to the partner why the partnership ends."), field="reason")
    partnership.status = Partnership.Status.CANCELLED
    partnership.closed_at = timezone.now()
    partnership.save(update_fields=["status", "closed_at"])
    pledge = partnership.pledge
    audit_log(
        actor=actor,
        action="projects.partnership.end",
        obj=pledge,
        changes={"reason": reason.strip()},
    )
    notify(
        recipients=pledger_recipients(pledge),
        kind="projects.partnership.ended",
        title=f"Партнёрство с проектом «{pledge.project.title}» прекращено",
        body=reason.strip(),
        obj=pledge,
        url=_project_url(pledge.project),
        actor=actor,
    )
    return partnership
