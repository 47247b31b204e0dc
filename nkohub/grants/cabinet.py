"""The grants block of «Мой кабинет»: the person's organisations' applications and the
competitions they follow."""

from typing import Any

from django.utils import timezone

from nkohub.grants.models import Application, CompetitionFollow


def grants_cabinet_context(user: Any) -> dict[str, Any] | None:
    if not user.is_authenticated:
        return None
    applications = list(
        Application.objects.filter(organization__memberships__user=user)
        .select_related("organization")
        .order_by("-updated_at")[:5]
    )
    follows = list(
        CompetitionFollow.objects.filter(
            user=user, competition__applications_close_on__gte=timezone.localdate()
        )
        .select_related("competition__funder")
        .order_by("competition__applications_close_on")[:5]
    )
    return {"applications": applications, "follows": follows}
