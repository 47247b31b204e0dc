"""Experts: an operator makes a person an expert; the expert declares competences."""

from typing import TYPE_CHECKING

from django.db import transaction

from nkohub.consultations.models import Competence, Expert
from nkohub.core.audit import audit_log

from ._shared import _full_clean

if TYPE_CHECKING:
    from nkohub.accounts.models import User


@transaction.atomic
def expert_create(*, actor: "User", user: "User", competences: list[Competence]) -> Expert:
    """Make `user` an expert (idempotent: an existing expert is made active and keeps their data)."""
    expert, created = Expert.objects.get_or_create(user=user)
    if not created and not expert.is_active:
        expert.is_active = True
        expert.save(update_fields=["is_active"])
    expert.competences.add(*competences)
    audit_log(
        actor=actor,
        action="consultations.expert.create",
        obj=expert,
        changes={"competences": sorted(c.name for c in expert.competences.all())},
    )
    return expert


@transaction.atomic
def expert_update(
    *, actor: "User", expert: Expert, competences: list[Competence], bio: str, is_active: bool
) -> Expert:
    old = sorted(c.name for c in expert.competences.all())
    expert.bio, expert.is_active = bio.strip(), is_active
    _full_clean(expert)
    expert.save(update_fields=["bio", "is_active"])
    expert.competences.set(competences)
    new = sorted(c.name for c in competences)
    audit_log(
        actor=actor,
        action="consultations.expert.update",
        obj=expert,
        changes={"competences": [old, new], "is_active": is_active},
    )
    return expert
