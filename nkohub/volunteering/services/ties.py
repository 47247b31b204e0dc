"""Ties between organisations: partnership requests and answers, coalitions with invitations and
announcements, internships with requests and decisions (places never exceeded)."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.notifications.services import notify
from nkohub.organizations.models import Organization
from nkohub.volunteering import permissions
from nkohub.volunteering.models import (
    Alliance,
    Coalition,
    CoalitionAnnouncement,
    CoalitionMember,
    Internship,
    InternshipRequest,
)

from ._shared import _acting_people, _check, _full_clean


# --- partnerships -----------------------------------------------------------------------------
@transaction.atomic
def alliance_propose(
    *, actor: User, proposer: Organization, partner: Organization, description: str
) -> Alliance:
    _check(permissions.can_propose_alliance(actor, proposer, partner), field="partner")
    pair = Q(proposer=proposer, partner=partner) | Q(proposer=partner, partner=proposer)
    if Alliance.objects.filter(pair).exclude(status=Alliance.Status.DECLINED).exists():
        raise DomainError(
            _("These organisations already have a partnership or a request."), field="partner"
        )
    Alliance.objects.filter(pair, status=Alliance.Status.DECLINED).delete()
    alliance = Alliance(
        proposer=proposer, partner=partner, description=description, created_by=actor
    )
    _full_clean(alliance)
    try:
        with transaction.atomic():
            alliance.save()
    except IntegrityError as error:
        raise DomainError(
            _("These organisations already have a partnership or a request.")
        ) from error
    notify(
        recipients=_acting_people(partner),
        kind="volunteering.alliance.requested",
        title=_("%(organization)s proposes a partnership") % {"organization": proposer},
        body=description,
        obj=alliance,
        url=reverse("organizations:detail", args=[partner.pk]),
        actor=actor,
    )
    audit_log(
        actor=actor,
        action="volunteering.alliance.propose",
        obj=partner,
        changes={"organization": str(proposer)},
    )
    return alliance


@transaction.atomic
def alliance_answer(*, actor: User, alliance: Alliance, accept: bool) -> Alliance:
    alliance = (
        Alliance.objects.select_for_update()
        .select_related("proposer", "partner")
        .get(pk=alliance.pk)
    )
    _check(permissions.can_answer_alliance(actor, alliance))
    alliance.status = Alliance.Status.ACCEPTED if accept else Alliance.Status.DECLINED
    alliance.decided_at = timezone.now()
    alliance.save(update_fields=["status", "decided_at"])
    notify(
        recipients=_acting_people(alliance.proposer),
        kind="volunteering.alliance.answered",
        title=(
            _("%(organization)s accepted the partnership")
            if accept
            else _("%(organization)s declined the partnership")
        )
        % {"organization": alliance.partner},
        obj=alliance,
        url=reverse("organizations:detail", args=[alliance.proposer_id]),
        actor=actor,
    )
    audit_log(
        actor=actor,
        action="volunteering.alliance.answer",
        obj=alliance.proposer,
        changes={"status": ["requested", alliance.status], "organization": str(alliance.partner)},
    )
    return alliance


@transaction.atomic
def alliance_end(*, actor: User, alliance: Alliance) -> None:
    """Either side ends a partnership (or withdraws its request)."""
    if not permissions.can_act_for_either(actor, alliance):
        raise DomainError(_("Only the owners and editors of either side end a partnership."))
    audit_log(
        actor=actor,
        action="volunteering.alliance.end",
        obj=alliance.proposer,
        changes={"organization": str(alliance.partner)},
    )
    alliance.delete()


# --- coalitions -------------------------------------------------------------------------------
@transaction.atomic
def coalition_create(
    *, actor: User, founder: Organization, title: str, description: str
) -> Coalition:
    _check(permissions.can_create_coalition(actor, founder))
    coalition = Coalition(founder=founder, title=title, description=description, created_by=actor)
    _full_clean(coalition)
    coalition.save()
    CoalitionMember.objects.create(
        coalition=coalition,
        organization=founder,
        status=CoalitionMember.Status.MEMBER,
        joined_at=timezone.now(),
    )
    audit_log(
        actor=actor,
        action="volunteering.coalition.create",
        obj=coalition,
        changes={"organization": str(founder)},
    )
    return coalition


@transaction.atomic
def coalition_invite(
    *, actor: User, coalition: Coalition, organization: Organization
) -> CoalitionMember:
    _check(permissions.can_invite(actor, coalition), field="organization")
    member, created = CoalitionMember.objects.get_or_create(
        coalition=coalition, organization=organization
    )
    if not created and member.status != CoalitionMember.Status.DECLINED:
        raise DomainError(
            _("This organisation is already invited or a member."), field="organization"
        )
    member.status = CoalitionMember.Status.INVITED
    member.save(update_fields=["status"])
    notify(
        recipients=_acting_people(organization),
        kind="volunteering.coalition.invited",
        title=_("%(organization)s is invited to the coalition «%(coalition)s»")
        % {"organization": organization, "coalition": coalition.title},
        obj=coalition,
        url=coalition.get_absolute_url(),
        actor=actor,
    )
    audit_log(
        actor=actor,
        action="volunteering.coalition.invite",
        obj=coalition,
        changes={"organization": str(organization)},
    )
    return member


@transaction.atomic
def coalition_answer(*, actor: User, member: CoalitionMember, accept: bool) -> CoalitionMember:
    member = (
        CoalitionMember.objects.select_for_update()
        .select_related("organization", "coalition__founder")
        .get(pk=member.pk)
    )
    _check(permissions.can_answer_invitation(actor, member))
    member.status = CoalitionMember.Status.MEMBER if accept else CoalitionMember.Status.DECLINED
    member.joined_at = timezone.now() if accept else None
    member.save(update_fields=["status", "joined_at"])
    notify(
        recipients=_acting_people(member.coalition.founder),
        kind="volunteering.coalition.answered",
        title=(
            _("%(organization)s joined the coalition «%(coalition)s»")
            if accept
            else _("%(organization)s declined to join «%(coalition)s»")
        )
        % {"organization": member.organization, "coalition": member.coalition.title},
        obj=member.coalition,
        url=member.coalition.get_absolute_url(),
        actor=actor,
    )
    audit_log(
        actor=actor,
        action="volunteering.coalition.answer",
        obj=member.coalition,
        changes={"status": ["invited", member.status], "organization": str(member.organization)},
    )
    return member


@transaction.atomic
def announcement_create(
    *, actor: User, coalition: Coalition, organization: Organization, text: str
) -> CoalitionAnnouncement:
    members = set(
        coalition.members.filter(status=CoalitionMember.Status.MEMBER).values_list(
            "organization_id", flat=True
        )
    )
    _check(permissions.can_announce(actor, organization, members), field="organization")
    announcement = CoalitionAnnouncement(
        coalition=coalition, organization=organization, author=actor, text=text
    )
    _full_clean(announcement)
    announcement.save()
    audit_log(
        actor=actor,
        action="volunteering.announcement.create",
        obj=coalition,
        changes={"organization": str(organization)},
    )
    return announcement


# --- internships ------------------------------------------------------------------------------
@transaction.atomic
def internship_create(
    *,
    actor: User,
    host: Organization,
    topic: str,
    description: str,
    starts_on: dt.date,
    ends_on: dt.date,
    places: int,
) -> Internship:
    _check(permissions.can_offer_internship(actor, host))
    if ends_on < starts_on:
        raise DomainError(_("The end cannot be before the start."), field="ends_on")
    internship = Internship(
        host=host,
        created_by=actor,
        topic=topic,
        description=description,
        starts_on=starts_on,
        ends_on=ends_on,
        places=places,
    )
    _full_clean(internship)
    internship.save()
    audit_log(
        actor=actor,
        action="volunteering.internship.create",
        obj=internship,
        changes={"organization": str(host), "places": places},
    )
    return internship


@transaction.atomic
def internship_request(
    *, actor: User, internship: Internship, organization: Organization | None, message: str = ""
) -> InternshipRequest:
    existing = InternshipRequest.objects.filter(internship=internship, user=actor).first()
    if existing is not None:
        return existing
    _check(
        permissions.can_request_internship(actor, internship, organization), field="organization"
    )
    assert organization is not None
    request = InternshipRequest(
        internship=internship, user=actor, organization=organization, message=message
    )
    _full_clean(request, exclude=["internship", "user", "organization"])
    try:
        with transaction.atomic():
            request.save()
    except IntegrityError:
        return InternshipRequest.objects.get(internship=internship, user=actor)
    notify(
        recipients=_acting_people(internship.host),
        kind="volunteering.internship.requested",
        title=_("%(person)s of %(organization)s asks for the internship «%(topic)s»")
        % {"person": actor.display_name, "organization": organization, "topic": internship.topic},
        body=message,
        obj=internship,
        url=internship.get_absolute_url(),
        actor=actor,
    )
    audit_log(
        actor=actor,
        action="volunteering.internship.request",
        obj=internship,
        changes={"organization": str(organization)},
    )
    return request


@transaction.atomic
def internship_decide(
    *, actor: User, request: InternshipRequest, accept: bool
) -> InternshipRequest:
    request = (
        InternshipRequest.objects.select_for_update()
        .select_related("internship__host", "user")
        .get(pk=request.pk)
    )
    _check(permissions.can_decide_internship_request(actor, request))
    if accept:
        taken = Internship.objects.filter(
            pk=request.internship_id, places_taken__lt=F("places")
        ).update(places_taken=F("places_taken") + 1)
        if not taken:
            raise DomainError(_("All the places of this internship are taken."))
    request.status = (
        InternshipRequest.Status.ACCEPTED if accept else InternshipRequest.Status.DECLINED
    )
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at"])
    notify(
        recipients=[request.user],
        kind="volunteering.internship.decided",
        title=(
            _("You are accepted for the internship «%(topic)s»")
            if accept
            else _("Your request for the internship «%(topic)s» is declined")
        )
        % {"topic": request.internship.topic},
        obj=request.internship,
        url=request.internship.get_absolute_url(),
        actor=actor,
    )
    audit_log(
        actor=actor,
        action="volunteering.internship.decide",
        obj=request.internship,
        changes={"status": ["pending", request.status], "intern": str(request.user)},
    )
    return request
