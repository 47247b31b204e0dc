"""Parts of a project: needs, planned results, the team."""

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.projects.models import (
    PlannedResult,
    Pledge,
    Project,
    ProjectNeed,
    TeamMember,
)

from ._shared import _full_clean

if TYPE_CHECKING:
    from nkohub.accounts.models import User

# --- parts of a project -------------------------------------------------------------------------


def _next_position(queryset: Any) -> int:
    return (queryset.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def need_add(
    *,
    actor: "User",
    project: Project,
    kind: str,
    description: str,
    quantity: Decimal,
    unit: str = "",
) -> ProjectNeed:
    need = ProjectNeed(
        project=project,
        kind=kind,
        description=description,
        quantity=quantity,
        unit="₽" if kind == ProjectNeed.Kind.MONEY else unit,
        position=_next_position(project.needs.all()),
    )
    if kind != ProjectNeed.Kind.MONEY and not unit:
        raise DomainError(
            _("Give the unit of measure: for example «people», «h», «pcs», «sq. m»."), field="unit"
        )
    _full_clean(need)
    need.save()
    audit_log(
        actor=actor,
        action="projects.need.add",
        obj=project,
        changes={"need": str(need), "quantity": quantity},
    )
    return need


@transaction.atomic
def need_delete(*, actor: "User", need: ProjectNeed) -> None:
    if need.pledges.filter(status=Pledge.Status.ACCEPTED).exists():
        raise DomainError(
            _("This need already has accepted pledges of support — it cannot be deleted.")
        )
    audit_log(
        actor=actor, action="projects.need.delete", obj=need.project, changes={"need": str(need)}
    )
    need.delete()


@transaction.atomic
def planned_result_add(
    *, actor: "User", project: Project, name: str, unit: str, planned_value: Decimal
) -> PlannedResult:
    result = PlannedResult(
        project=project,
        name=name,
        unit=unit,
        planned_value=planned_value,
        position=_next_position(project.planned_results.all()),
    )
    _full_clean(result)
    result.save()
    audit_log(
        actor=actor,
        action="projects.result.add",
        obj=project,
        changes={"indicator": name, "planned": planned_value},
    )
    return result


@transaction.atomic
def planned_result_delete(*, actor: "User", result: PlannedResult) -> None:
    project = result.project
    audit_log(
        actor=actor,
        action="projects.result.delete",
        obj=project,
        changes={"indicator": result.name},
    )
    result.delete()
    for number, remaining in enumerate(project.planned_results.order_by("position"), start=1):
        if remaining.position != number:
            PlannedResult.objects.filter(pk=remaining.pk).update(position=number)


@transaction.atomic
def team_member_add(
    *, actor: "User", project: Project, full_name: str, role: str, user: Any = None
) -> TeamMember:
    member = TeamMember(
        project=project,
        full_name=full_name,
        role=role,
        user=user,
        position=_next_position(project.team.all()),
    )
    _full_clean(member)
    member.save()
    audit_log(actor=actor, action="projects.team.add", obj=project, changes={"member": str(member)})
    return member


@transaction.atomic
def team_member_delete(*, actor: "User", member: TeamMember) -> None:
    audit_log(
        actor=actor,
        action="projects.team.delete",
        obj=member.project,
        changes={"member": str(member)},
    )
    member.delete()
