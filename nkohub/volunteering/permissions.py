"""Who may do what in volunteering. The only place these rights are decided.

An organisation's owners and editors post its volunteer calls, decide on responses and record and
confirm hours; any signed-in person responds once to an open call and sees, and may dispute, their own
hours. Ties: an organisation's owners and editors ask for a partnership, the other side's accept it;
a coalition's founder invites, the invited organisation's people accept; members post announcements;
a host's people decide on internship requests, which staff of another NGO send.
"""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nkohub.core.permissions import ALLOWED, Decision, is_operator, refused, require
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import can_act_for, is_member
from nkohub.volunteering.models import (
    Alliance,
    Coalition,
    CoalitionMember,
    Internship,
    InternshipRequest,
    VolunteerCall,
    VolunteerResponse,
)

__all__ = ["refused", "require"]


def _signed_in(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


# --- volunteer calls --------------------------------------------------------------------------
def can_post_call(user: Any, organization: Organization) -> Decision:
    if is_operator(user) or can_act_for(user, organization):
        return ALLOWED
    return refused(_("Only the organisation's owner and editors post its volunteer calls."))


def can_manage_call(user: Any, call: VolunteerCall) -> Decision:
    """Edit, cancel, see the responses, accept or decline, record and confirm hours."""
    if is_operator(user) or can_act_for(user, call.organization):
        return ALLOWED
    return refused(_("Only the organisation's owner and editors manage its volunteer calls."))


def can_respond(user: Any, call: VolunteerCall, response: VolunteerResponse | None) -> Decision:
    if not _signed_in(user):
        return refused(_("Log in to respond to the call."))
    if response is not None:
        return refused(_("You have already responded to this call."))
    if not call.is_open:
        return refused(_("The call has been cancelled."))
    if call.ends_at < timezone.now():
        return refused(_("The call is over."))
    return ALLOWED


def can_decide(user: Any, response: VolunteerResponse) -> Decision:
    decision = can_manage_call(user, response.call)
    if not decision:
        return decision
    if response.hours_status:
        return refused(_("The hours are already recorded; the decision can no longer change."))
    return ALLOWED


def can_record_hours(user: Any, response: VolunteerResponse) -> Decision:
    decision = can_manage_call(user, response.call)
    if not decision:
        return decision
    if response.status != VolunteerResponse.Status.ACCEPTED:
        return refused(_("Hours are recorded for accepted volunteers only."))
    if response.call.starts_at > timezone.now():
        return refused(_("Hours are recorded once the call has begun."))
    if response.hours_status == VolunteerResponse.Hours.CONFIRMED:
        return refused(_("The hours are already confirmed."))
    return ALLOWED


def can_confirm_hours(user: Any, response: VolunteerResponse) -> Decision:
    decision = can_manage_call(user, response.call)
    if not decision:
        return decision
    if response.hours_status not in (
        VolunteerResponse.Hours.RECORDED,
        VolunteerResponse.Hours.DISPUTED,
    ):
        return refused(_("Record the hours before confirming them."))
    return ALLOWED


def is_volunteer(user: Any, response: VolunteerResponse) -> bool:
    return _signed_in(user) and response.user_id == user.pk


def can_dispute_hours(user: Any, response: VolunteerResponse) -> Decision:
    if not is_volunteer(user, response):
        return refused(_("Only the volunteer can dispute their hours."))
    if response.hours_status not in (
        VolunteerResponse.Hours.RECORDED,
        VolunteerResponse.Hours.CONFIRMED,
    ):
        return refused(_("There are no hours to dispute."))
    return ALLOWED


def can_view_record(user: Any, person: Any, record_public: bool) -> bool:
    """A person's volunteer record: public if they chose so, else theirs and the operators' only."""
    return record_public or is_operator(user) or (_signed_in(user) and user.pk == person.pk)


# --- partnerships -----------------------------------------------------------------------------
def can_act_for_either(user: Any, alliance: Alliance) -> bool:
    return can_act_for(user, alliance.proposer) or can_act_for(user, alliance.partner)


def can_propose_alliance(user: Any, proposer: Organization, partner: Organization) -> Decision:
    if not can_act_for(user, proposer):
        return refused(_("Only the organisation's owner and editors declare its partnerships."))
    if proposer.pk == partner.pk:
        return refused(_("An organisation cannot be its own partner."))
    return ALLOWED


def can_answer_alliance(user: Any, alliance: Alliance) -> Decision:
    if not can_act_for(user, alliance.partner):
        return refused(_("Only the invited organisation's owner and editors answer."))
    if alliance.status != Alliance.Status.REQUESTED:
        return refused(_("This request has already been answered."))
    return ALLOWED


# --- coalitions -------------------------------------------------------------------------------
def can_create_coalition(user: Any, founder: Organization) -> Decision:
    if can_act_for(user, founder):
        return ALLOWED
    return refused(_("Only the organisation's owner and editors found a coalition in its name."))


def can_invite(user: Any, coalition: Coalition) -> Decision:
    if is_operator(user) or can_act_for(user, coalition.founder):
        return ALLOWED
    return refused(_("Only the coalition's founder invites organisations."))


def is_invited_side(user: Any, member: CoalitionMember) -> bool:
    """Acts for the invited organisation (others get 404 on its invitation)."""
    return can_act_for(user, member.organization)


def can_answer_invitation(user: Any, member: CoalitionMember) -> Decision:
    if not can_act_for(user, member.organization):
        return refused(_("Only the invited organisation's owner and editors answer."))
    if member.status != CoalitionMember.Status.INVITED:
        return refused(_("This invitation has already been answered."))
    return ALLOWED


def can_announce(user: Any, organization: Organization, member_ids: set[int]) -> Decision:
    """`member_ids`: the ids of the coalition's member organisations (read once by the page)."""
    if organization.pk in member_ids and can_act_for(user, organization):
        return ALLOWED
    return refused(_("Only the owners and editors of member organisations post announcements."))


# --- internships ------------------------------------------------------------------------------
def can_offer_internship(user: Any, host: Organization) -> Decision:
    if is_operator(user) or can_act_for(user, host):
        return ALLOWED
    return refused(_("Only the organisation's owner and editors offer its internships."))


def can_manage_internship(user: Any, internship: Internship) -> Decision:
    return can_offer_internship(user, internship.host)


def can_request_internship(
    user: Any, internship: Internship, organization: Organization | None
) -> Decision:
    if not _signed_in(user):
        return refused(_("Log in to request an internship."))
    if organization is None or not is_member(user, organization):
        return refused(_("Internships are for staff of NGOs: choose your organisation."))
    if organization.kind != Organization.Kind.NGO:
        return refused(_("Internships are for staff of NGOs: choose your organisation."))
    if organization.pk == internship.host_id:
        return refused(_("The host's own staff do not request its internships."))
    if internship.ends_on < timezone.localdate():
        return refused(_("The internship is over."))
    return ALLOWED


def can_decide_internship_request(user: Any, request: InternshipRequest) -> Decision:
    decision = can_manage_internship(user, request.internship)
    if not decision:
        return decision
    if request.status != InternshipRequest.Status.PENDING:
        return refused(_("This request has already been answered."))
    return ALLOWED
