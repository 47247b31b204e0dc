"""What the writes of the fair share: the project's fields and photo limits, who is told, validation."""

from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from nkohub.core.errors import DomainError
from nkohub.notifications.services import notify
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import ACTING_ROLES
from nkohub.projects.models import (
    Pledge,
    Project,
    ProjectTask,
)

if TYPE_CHECKING:
    from nkohub.accounts.models import User

PROJECT_FIELDS = [
    "title",
    "summary",
    "goal",
    "social_significance",
    "covers_whole_region",
    "target_groups",
    "starts_on",
    "ends_on",
    "budget_total",
    "own_contribution",
    "cofinancing",
]
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTOS_PER_PROJECT = 30


def _users() -> Any:
    return get_user_model().objects.filter(is_active=True)


def team_recipients(organization: Organization) -> QuerySet[Any]:
    return _users().filter(
        memberships__organization=organization, memberships__role__in=ACTING_ROLES
    )


def pledger_recipients(pledge: Pledge) -> Any:
    if pledge.organization is not None:
        return [*team_recipients(pledge.organization), pledge.pledged_by]
    return [pledge.pledged_by]


def _project_url(project: Project) -> str:
    return reverse("projects:detail", args=[project.pk])


def _notify_partners(project: Project, *, actor: "User", kind: str, title: str) -> None:
    """Tell everyone whose support the project accepted."""
    accepted = Pledge.objects.filter(project=project, status=Pledge.Status.ACCEPTED)
    partners = [
        user
        for pledge in accepted.select_related("organization", "pledged_by")
        for user in pledger_recipients(pledge)
    ]
    notify(
        recipients=partners,
        kind=kind,
        title=title,
        obj=project,
        url=_project_url(project),
        actor=actor,
    )


def _full_clean(obj: Any) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise DomainError(
            " ".join(messages), field=None if field == "__all__" else field
        ) from error


def _check_money(project: Project) -> None:
    if project.own_contribution + project.cofinancing > project.budget_total:
        raise DomainError(
            _(
                "Own contribution and co-financing together cannot exceed the project's total "
                "budget."
            ),
            field="cofinancing",
        )


def _set_tasks(project: Project, tasks: list[str]) -> None:
    project.tasks.all().delete()
    ProjectTask.objects.bulk_create(
        ProjectTask(project=project, position=number, text=text)
        for number, text in enumerate((t.strip() for t in tasks if t.strip()), start=1)
    )
