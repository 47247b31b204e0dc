"""Reads of volunteering: the public list of calls with its filters and search, a call with its
responses, a person's responses and record; partnerships, coalitions and internships."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from nkohub.organizations import search
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.permissions import ACTING_ROLES
from nkohub.territories.models import Municipality
from nkohub.volunteering.models import (
    Alliance,
    Coalition,
    CoalitionAnnouncement,
    CoalitionMember,
    Internship,
    InternshipRequest,
    Skill,
    VolunteerCall,
    VolunteerProfile,
    VolunteerResponse,
)

SEARCH_FIELDS = ("title", "description", "organization__short_name", "address")


def _calls() -> QuerySet[VolunteerCall]:
    return VolunteerCall.objects.select_related("organization", "municipality").prefetch_related(
        Prefetch("skills", queryset=Skill.objects.order_by("position", "name"))
    )


def open_calls(
    *,
    municipality: Municipality | None = None,
    skill: Skill | None = None,
    on: dt.date | None = None,
    q: str = "",
) -> QuerySet[VolunteerCall]:
    """Calls not cancelled and not over, the soonest first."""
    calls = _calls().filter(status=VolunteerCall.Status.PUBLISHED, ends_at__gte=timezone.now())
    if municipality is not None:
        calls = calls.filter(municipality=municipality)
    if skill is not None:
        calls = calls.filter(skills=skill)
    if on is not None:
        calls = calls.filter(starts_at__date__lte=on, ends_at__date__gte=on)
    if q:
        calls = calls.filter(search.word_forms_condition(SEARCH_FIELDS, q))
    return calls.order_by("starts_at", "id")


def calls_suggestion(query: str) -> str:
    vocabulary = search.vocabulary_for(
        "volunteering.calls",
        VolunteerCall.objects.filter(status=VolunteerCall.Status.PUBLISHED),
        ("title", "description"),
    )
    return search.suggestion(query, vocabulary)


def call_by_pk(pk: int) -> VolunteerCall | None:
    return _calls().filter(pk=pk).first()


def responses_to(call: VolunteerCall) -> QuerySet[VolunteerResponse]:
    return call.responses.select_related("user").order_by("status", "created_at", "id")


def response_of(user: Any, call: VolunteerCall) -> VolunteerResponse | None:
    if not (user and user.is_authenticated):
        return None
    return VolunteerResponse.objects.filter(call=call, user=user).first()


def response_in(call: VolunteerCall, pk: int) -> VolunteerResponse | None:
    return (
        VolunteerResponse.objects.select_related("call__organization", "user")
        .filter(call=call, pk=pk)
        .first()
    )


def my_responses(user: Any) -> QuerySet[VolunteerResponse]:
    return (
        VolunteerResponse.objects.filter(user=user)
        .select_related("call__organization", "call__municipality")
        .order_by("-call__starts_at", "-id")
    )


def record_public(person: Any) -> bool:
    return VolunteerProfile.objects.filter(user=person, record_public=True).exists()


def volunteer_record(person: Any) -> dict[str, Any]:
    """The calls a person was accepted for, and their confirmed hours by organisation."""
    accepted = (
        VolunteerResponse.objects.filter(user=person, status=VolunteerResponse.Status.ACCEPTED)
        .select_related("call__organization")
        .order_by("-call__starts_at", "-id")
    )
    by_organization = list(
        VolunteerResponse.objects.filter(
            user=person, hours_status=VolunteerResponse.Hours.CONFIRMED
        )
        .values("call__organization_id", "call__organization__short_name")
        .annotate(hours=Sum("hours"), calls=Count("id"))
        .order_by("-hours", "call__organization__short_name")
    )
    total = sum((row["hours"] for row in by_organization), Decimal(0))
    return {"accepted": accepted, "by_organization": by_organization, "total_hours": total}


def organizations_acted_for(user: Any) -> QuerySet[Organization]:
    """The organisations a person may post for (owner or editor)."""
    if not (user and user.is_authenticated):
        return Organization.objects.none()
    return Organization.objects.filter(
        memberships__user=user, memberships__role__in=ACTING_ROLES
    ).order_by("short_name", "full_name")


def ngos_of(user: Any) -> QuerySet[Organization]:
    if not (user and user.is_authenticated):
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user, kind=Organization.Kind.NGO).order_by(
        "short_name", "full_name"
    )


# --- ties -------------------------------------------------------------------------------------
def partners_of(organization: Organization) -> list[Organization]:
    """Accepted partners, whichever side asked."""
    alliances = Alliance.objects.filter(
        Q(proposer=organization) | Q(partner=organization), status=Alliance.Status.ACCEPTED
    ).select_related("proposer", "partner")
    return [a.partner if a.proposer_id == organization.pk else a.proposer for a in alliances]


def alliances_of(organizations: QuerySet[Organization]) -> QuerySet[Alliance]:
    return (
        Alliance.objects.filter(Q(proposer__in=organizations) | Q(partner__in=organizations))
        .exclude(status=Alliance.Status.DECLINED)
        .select_related("proposer", "partner")
        .order_by("status", "-created_at")
    )


def alliance_by_pk(pk: int) -> Alliance | None:
    return Alliance.objects.select_related("proposer", "partner").filter(pk=pk).first()


def coalitions() -> QuerySet[Coalition]:
    return (
        Coalition.objects.select_related("founder")
        .annotate(
            member_count=Count("members", filter=Q(members__status=CoalitionMember.Status.MEMBER))
        )
        .order_by("title", "id")
    )


def coalition_by_pk(pk: int) -> Coalition | None:
    return Coalition.objects.select_related("founder").filter(pk=pk).first()


def coalition_members(coalition: Coalition) -> QuerySet[CoalitionMember]:
    return coalition.members.select_related("organization").order_by(
        "status", "organization__short_name", "id"
    )


def coalition_member_ids(coalition: Coalition) -> QuerySet[CoalitionMember, int]:
    """The organisations that are members now (not those only invited): a subquery for other apps'
    reads of the coalition's shared feed."""
    return CoalitionMember.objects.filter(
        coalition=coalition, status=CoalitionMember.Status.MEMBER
    ).values_list("organization_id", flat=True)


def announcements_of(coalition: Coalition) -> QuerySet[CoalitionAnnouncement]:
    return coalition.announcements.select_related("organization", "author").order_by(
        "-created_at", "-id"
    )


def coalitions_of(organization: Organization) -> QuerySet[CoalitionMember]:
    return CoalitionMember.objects.filter(
        organization=organization, status=CoalitionMember.Status.MEMBER
    ).select_related("coalition")


def invitations_for(organizations: QuerySet[Organization]) -> QuerySet[CoalitionMember]:
    return CoalitionMember.objects.filter(
        organization__in=organizations, status=CoalitionMember.Status.INVITED
    ).select_related("coalition", "organization")


def open_internships() -> QuerySet[Internship]:
    return (
        Internship.objects.filter(ends_on__gte=timezone.localdate())
        .select_related("host")
        .order_by("starts_on", "id")
    )


def internship_by_pk(pk: int) -> Internship | None:
    return Internship.objects.select_related("host").filter(pk=pk).first()


def internship_requests(internship: Internship) -> QuerySet[InternshipRequest]:
    return internship.requests.select_related("user", "organization").order_by("status", "id")


def internship_request_of(user: Any, internship: Internship) -> InternshipRequest | None:
    if not (user and user.is_authenticated):
        return None
    return InternshipRequest.objects.filter(internship=internship, user=user).first()


def internship_request_in(internship: Internship, pk: int) -> InternshipRequest | None:
    return (
        InternshipRequest.objects.select_related("internship__host", "user")
        .filter(internship=internship, pk=pk)
        .first()
    )


def memberships_role(user: Any) -> dict[int, str]:
    return dict(Membership.objects.filter(user=user).values_list("organization_id", "role"))


def calls_of_any(organizations: QuerySet[Organization]) -> QuerySet[VolunteerCall]:
    """The calls of the organisations a person acts for, with the responses waiting for a decision."""
    return (
        VolunteerCall.objects.filter(organization__in=organizations)
        .select_related("organization")
        .annotate(
            waiting=Count("responses", filter=Q(responses__status=VolunteerResponse.Status.PENDING))
        )
        .order_by("-starts_at", "-id")
    )


def cabinet_summary(user: Any) -> dict[str, Any]:
    counts = VolunteerResponse.objects.filter(user=user).aggregate(
        responses=Count("id"),
        hours=Sum("hours", filter=Q(hours_status=VolunteerResponse.Hours.CONFIRMED)),
    )
    return {"responses": counts["responses"], "hours": counts["hours"] or Decimal(0)}


def profile_ties(organization: Organization, user: Any) -> dict[str, Any] | None:
    """The profile's section: open calls, partners, coalitions, internships (None when all empty and
    the viewer cannot propose a partnership)."""
    now = timezone.now()
    calls = list(
        VolunteerCall.objects.filter(
            organization=organization, status=VolunteerCall.Status.PUBLISHED, ends_at__gte=now
        ).order_by("starts_at")[:5]
    )
    partners = partners_of(organization)
    coalitions = [m.coalition for m in coalitions_of(organization)]
    internships = list(
        Internship.objects.filter(host=organization, ends_on__gte=timezone.localdate())[:5]
    )
    can_propose = (
        organizations_acted_for(user).exclude(pk=organization.pk).exists()
        if user and user.is_authenticated
        else False
    )
    if not (calls or partners or coalitions or internships or can_propose):
        return None
    return {
        "organization": organization,
        "calls": calls,
        "partners": partners,
        "coalitions": coalitions,
        "internships": internships,
        "can_propose": can_propose and organization.is_published,
    }
