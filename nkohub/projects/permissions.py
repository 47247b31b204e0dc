"""Who may do what with projects, fair entries, pledges and partnerships. The only place these
rights are decided. Outsiders get 404 (they must not learn a hidden project exists); people who
may see a thing but not change it get 403."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from nkohub.core.permissions import is_operator, refused, require
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import can_act_for, is_member
from nkohub.projects.models import FairEntry, Partnership, Pledge, Project

# Organisations whose people present projects at the fair.
PROJECT_OWNER_KINDS = (
    Organization.Kind.NGO,
    Organization.Kind.RESOURCE_CENTRE,
    Organization.Kind.OTHER,
)


def is_on_fair(project: Project) -> bool:
    """Accepted to some fair season; selectors annotate `on_fair` to spare the query."""
    annotated = getattr(project, "on_fair", None)
    if annotated is not None:
        return bool(annotated)
    return project.fair_entries.filter(status=FairEntry.Status.ACCEPTED).exists()


def can_create_project(user: Any, organization: Organization) -> bool:
    return organization.kind in PROJECT_OWNER_KINDS and can_act_for(user, organization)


def organizations_for_new_project(
    user: Any, acting_for: Iterable[Organization]
) -> list[Organization]:
    """The organisations `user` may start a project for, among those they act for; 403 when none."""
    organizations = [o for o in acting_for if can_create_project(user, o)]
    require(
        bool(organizations)
        or refused(_("Projects are started by owners and editors of a non-profit organisation."))
    )
    return organizations


def can_manage_project(user: Any, project: Project) -> bool:
    """The project's team (owners and editors of its organisation): submit it, move its status,
    answer pledges, record fulfilment, report results."""
    return can_act_for(user, project.organization)


def can_edit_project(user: Any, project: Project) -> bool:
    return is_operator(user) or can_manage_project(user, project)


def can_view_project(user: Any, project: Project) -> bool:
    return is_on_fair(project) or is_operator(user) or is_member(user, project.organization)


def can_moderate_fair(user: Any) -> bool:
    return is_operator(user)


def pledge_organizations_allowed(organization: Organization, project: Project) -> bool:
    return (
        organization.pk != project.organization_id
        and organization.kind != Organization.Kind.AUTHORITY
    )


def can_pledge(user: Any, project: Project) -> bool:
    """Anyone signed in may support an open project shown at the fair, except its own team."""
    return (
        bool(user and user.is_authenticated)
        and project.is_open
        and is_on_fair(project)
        and not is_member(user, project.organization)
    )


def can_pledge_for(user: Any, organization: Organization, project: Project) -> bool:
    return can_act_for(user, organization) and pledge_organizations_allowed(organization, project)


def is_pledger(user: Any, pledge: Pledge) -> bool:
    if not (user and user.is_authenticated):
        return False
    if pledge.organization is not None:
        return can_act_for(user, pledge.organization)
    return pledge.pledged_by_id == user.pk


def can_view_pledge(user: Any, pledge: Pledge) -> bool:
    return is_operator(user) or is_pledger(user, pledge) or can_manage_project(user, pledge.project)


def can_decide_pledge(user: Any, pledge: Pledge) -> bool:
    return can_manage_project(user, pledge.project)


def can_withdraw_pledge(user: Any, pledge: Pledge) -> bool:
    return is_pledger(user, pledge)


def can_record_fulfilment(user: Any, partnership: Partnership) -> bool:
    return can_manage_project(user, partnership.pledge.project)


def can_view_sponsor_page(user: Any, organization: Organization) -> bool:
    return is_operator(user) or is_member(user, organization)


def can_edit_sponsor_preferences(user: Any, organization: Organization) -> bool:
    return can_act_for(user, organization)


# --- fetch-and-check helpers for views ---------------------------------------------------------


def check_project(
    user: Any, project: Project, *, manage: bool = False, edit: bool = False
) -> Project:
    if not can_view_project(user, project):
        raise Http404
    if manage and not can_manage_project(user, project):
        raise PermissionDenied
    if edit and not can_edit_project(user, project):
        raise PermissionDenied
    return project


def check_pledge(
    user: Any, pledge: Pledge, *, decide: bool = False, withdraw: bool = False
) -> Pledge:
    if not can_view_pledge(user, pledge):
        raise Http404
    if decide and not can_decide_pledge(user, pledge):
        raise PermissionDenied
    if withdraw and not can_withdraw_pledge(user, pledge):
        raise PermissionDenied
    return pledge


def check_sponsor_page(
    user: Any, organization: Organization, *, edit: bool = False
) -> Organization:
    if not can_view_sponsor_page(user, organization):
        raise Http404
    if edit and not can_edit_sponsor_preferences(user, organization):
        raise PermissionDenied
    return organization
