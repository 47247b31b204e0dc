"""Who may do what with competitions and applications. The only place these rights are decided.

Rules that a page must explain return a `Decision` (allowed, reason), as Hypha does, so a
refusal can say why. Outsiders never learn that an application exists (404); members of the
organisation who may read but not change it get 403.
"""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _

from nkohub.core.permissions import ALLOWED, Decision, is_operator, refused
from nkohub.grants.models import Application
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import can_act_for, is_member

APPLICANT_KINDS = (
    Organization.Kind.NGO,
    Organization.Kind.RESOURCE_CENTRE,
    Organization.Kind.OTHER,
)


def can_follow_competitions(user: Any) -> bool:
    return bool(user and user.is_authenticated)


def can_start_application(user: Any, organization: Organization) -> Decision:
    if organization.kind not in APPLICANT_KINDS:
        return refused(_("Grant applications are submitted by non-profit organisations."))
    if not can_act_for(user, organization):
        return refused(_("An application is started by an owner or an editor of the organisation."))
    return ALLOWED


def can_view_application(user: Any, application: Application) -> bool:
    return is_operator(user) or is_member(user, application.organization)


def can_edit_application(user: Any, application: Application) -> Decision:
    if not can_act_for(user, application.organization):
        return refused(_("The application is edited by the owner and editors of the organisation."))
    if not application.is_editable:
        return refused(
            _(
                "The application is no longer a draft: to change it, withdraw it and return it "
                "to drafts."
            ),
        )
    return ALLOWED


def can_change_status(user: Any, application: Application) -> Decision:
    if not (is_operator(user) or can_act_for(user, application.organization)):
        return refused(
            _("Submission and results are recorded by the owner and editors of the organisation.")
        )
    if not application.TRANSITIONS.get(application.status):
        return refused(_("The application's result is already recorded."))
    return ALLOWED


def can_import_cards(user: Any) -> bool:
    return is_operator(user)


def can_manage_competitions(user: Any) -> bool:
    return is_operator(user)


def can_manage_comparisons(user: Any) -> bool:
    return is_operator(user)


def can_view_organization_statistics(user: Any, organization: Organization) -> bool:
    return is_operator(user) or is_member(user, organization)


def get_application_for_user(user: Any, pk: int, *, queryset: Any = None) -> Application:
    """The application if the person may see it: 404 for everyone else."""
    source = queryset if queryset is not None else Application.objects.all()
    application = (
        source.select_related(
            "organization", "competition__funder", "funder", "direction", "project"
        )
        .filter(pk=pk)
        .first()
    )
    if application is None or not can_view_application(user, application):
        raise Http404
    return application
