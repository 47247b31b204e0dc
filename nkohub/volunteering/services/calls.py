"""Volunteer calls: posting and cancelling, responses and decisions, hours recorded, confirmed or
disputed, and a person's choice to show their record."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.notifications.services import notify
from nkohub.organizations.models import Organization
from nkohub.territories.models import Municipality
from nkohub.volunteering import permissions
from nkohub.volunteering.models import Skill, VolunteerCall, VolunteerProfile, VolunteerResponse

from ._shared import _acting_people, _check, _full_clean

CALL_FIELDS = (
    "title",
    "description",
    "starts_at",
    "ends_at",
    "is_online",
    "municipality",
    "address",
    "places",
)


def _check_place(call: VolunteerCall) -> None:
    if call.ends_at < call.starts_at:
        raise DomainError(_("The end cannot be before the start."), field="ends_at")
    if not call.is_online and call.municipality_id is None:
        raise DomainError(
            _("Name the municipality, or mark the call as online."), field="municipality"
        )
    if call.places < call.places_taken:
        raise DomainError(
            _("%(count)s volunteers are already accepted: the call cannot need fewer.")
            % {"count": call.places_taken},
            field="places",
        )


@transaction.atomic
def call_create(
    *,
    actor: User,
    organization: Organization,
    title: str,
    description: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    places: int,
    is_online: bool = False,
    municipality: Municipality | None = None,
    address: str = "",
    skills: list[Skill] | None = None,
) -> VolunteerCall:
    _check(permissions.can_post_call(actor, organization))
    call = VolunteerCall(
        organization=organization,
        created_by=actor,
        title=title,
        description=description,
        starts_at=starts_at,
        ends_at=ends_at,
        places=places,
        is_online=is_online,
        municipality=None if is_online and not municipality else municipality,
        address=address,
    )
    _check_place(call)
    _full_clean(call)
    call.save()
    call.skills.set(skills or [])
    audit_log(
        actor=actor,
        action="volunteering.call.create",
        obj=call,
        changes={"organization": str(organization), "places": places},
    )
    return call


@transaction.atomic
def call_update(
    *, actor: User, call: VolunteerCall, skills: list[Skill], **values: Any
) -> VolunteerCall:
    call = VolunteerCall.objects.select_for_update().get(pk=call.pk)
    _check(permissions.can_manage_call(actor, call))
    changes: dict[str, Any] = {}
    for name in CALL_FIELDS:
        if name in values and getattr(call, name) != values[name]:
            changes[name] = [str(getattr(call, name)), str(values[name])]
            setattr(call, name, values[name])
    _check_place(call)
    _full_clean(call)
    call.save()
    call.skills.set(skills)
    audit_log(actor=actor, action="volunteering.call.update", obj=call, changes=changes)
    return call


@transaction.atomic
def call_cancel(*, actor: User, call: VolunteerCall) -> VolunteerCall:
    _check(permissions.can_manage_call(actor, call))
    if call.status == VolunteerCall.Status.CANCELLED:
        return call
    call.status = VolunteerCall.Status.CANCELLED
    call.save(update_fields=["status", "updated_at"])
    people = [r.user for r in call.responses.exclude(status="declined").select_related("user")]
    notify(
        recipients=people,
        kind="volunteering.call.cancelled",
        title=_("The call «%(call)s» is cancelled") % {"call": call.title},
        obj=call,
        url=call.get_absolute_url(),
        actor=actor,
    )
    audit_log(
        actor=actor,
        action="volunteering.call.cancel",
        obj=call,
        changes={"status": ["published", "cancelled"]},
    )
    return call


@transaction.atomic
def response_create(*, actor: User, call: VolunteerCall, message: str = "") -> VolunteerResponse:
    """Respond to a call. A second click (or a retried request) gives back the same response."""
    existing = VolunteerResponse.objects.filter(call=call, user=actor).first()
    if existing is not None:
        return existing
    _check(permissions.can_respond(actor, call, None))
    response = VolunteerResponse(call=call, user=actor, message=message)
    _full_clean(response, exclude=["call", "user"])
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:  # the same person's other tab, a moment earlier
        return VolunteerResponse.objects.get(call=call, user=actor)
    notify(
        recipients=_acting_people(call.organization),
        kind="volunteering.response.created",
        title=_("%(person)s responded to «%(call)s»")
        % {"person": actor.display_name, "call": call.title},
        body=message,
        obj=call,
        url=call.get_absolute_url(),
        actor=actor,
    )
    audit_log(actor=actor, action="volunteering.response.create", obj=call, changes={})
    return response


def _take_place(call: VolunteerCall) -> None:
    """One place, in one UPDATE the database runs for one writer at a time: the last place goes to
    exactly one volunteer, and the check constraint stops any count over the places."""
    taken = VolunteerCall.objects.filter(pk=call.pk, places_taken__lt=F("places")).update(
        places_taken=F("places_taken") + 1
    )
    if not taken:
        raise DomainError(_("All the places of this call are taken."))


@transaction.atomic
def response_decide(*, actor: User, response: VolunteerResponse, accept: bool) -> VolunteerResponse:
    response = (
        VolunteerResponse.objects.select_for_update()
        .select_related("call__organization", "user")
        .get(pk=response.pk)
    )
    _check(permissions.can_decide(actor, response))
    new = VolunteerResponse.Status.ACCEPTED if accept else VolunteerResponse.Status.DECLINED
    before = response.status
    if before == new:
        return response
    call = response.call
    if new == VolunteerResponse.Status.ACCEPTED:
        _take_place(call)
    elif before == VolunteerResponse.Status.ACCEPTED:
        VolunteerCall.objects.filter(pk=call.pk).update(places_taken=F("places_taken") - 1)
    response.status = new
    response.decided_at = timezone.now()
    response.save(update_fields=["status", "decided_at"])
    title = (
        _("You are accepted as a volunteer: «%(call)s»")
        if accept
        else _("Your response to «%(call)s» is declined")
    )
    notify(
        recipients=[response.user],
        kind="volunteering.response.decided",
        title=title % {"call": call.title},
        obj=call,
        url=call.get_absolute_url(),
        actor=actor,
    )
    audit_log(
        actor=actor,
        action="volunteering.response.decide",
        obj=call,
        changes={"status": [before, new], "volunteer": str(response.user)},
    )
    return response


@transaction.atomic
def hours_record(*, actor: User, response: VolunteerResponse, hours: Decimal) -> VolunteerResponse:
    response = (
        VolunteerResponse.objects.select_for_update()
        .select_related("call__organization")
        .get(pk=response.pk)
    )
    _check(permissions.can_record_hours(actor, response), field="hours")
    before = response.hours
    response.hours = hours
    response.hours_status = VolunteerResponse.Hours.RECORDED
    _full_clean(response, exclude=["call", "user"])
    response.save(update_fields=["hours", "hours_status"])
    audit_log(
        actor=actor,
        action="volunteering.hours.record",
        obj=response.call,
        changes={"hours": [str(before or ""), str(hours)], "volunteer": str(response.user)},
    )
    return response


@transaction.atomic
def hours_confirm(*, actor: User, response: VolunteerResponse) -> VolunteerResponse:
    response = (
        VolunteerResponse.objects.select_for_update()
        .select_related("call__organization", "user")
        .get(pk=response.pk)
    )
    _check(permissions.can_confirm_hours(actor, response))
    response.hours_status = VolunteerResponse.Hours.CONFIRMED
    response.hours_confirmed_at = timezone.now()
    response.save(update_fields=["hours_status", "hours_confirmed_at"])
    notify(
        recipients=[response.user],
        kind="volunteering.hours.confirmed",
        title=_("%(organization)s confirmed your %(hours)s h for «%(call)s»")
        % {
            "organization": response.call.organization,
            "hours": response.hours,
            "call": response.call.title,
        },
        obj=response.call,
        url=response.call.get_absolute_url(),
        actor=actor,
    )
    audit_log(
        actor=actor,
        action="volunteering.hours.confirm",
        obj=response.call,
        changes={"hours": str(response.hours), "volunteer": str(response.user)},
    )
    return response


@transaction.atomic
def hours_dispute(*, actor: User, response: VolunteerResponse, reason: str) -> VolunteerResponse:
    response = (
        VolunteerResponse.objects.select_for_update()
        .select_related("call__organization")
        .get(pk=response.pk)
    )
    _check(permissions.can_dispute_hours(actor, response))
    if not reason.strip():
        raise DomainError(_("Say what is wrong with the hours."), field="reason")
    before = response.hours_status
    response.hours_status = VolunteerResponse.Hours.DISPUTED
    response.dispute = reason
    response.hours_confirmed_at = None
    _full_clean(response, exclude=["call", "user"])
    response.save(update_fields=["hours_status", "dispute", "hours_confirmed_at"])
    notify(
        recipients=_acting_people(response.call.organization),
        kind="volunteering.hours.disputed",
        title=_("%(person)s disputes the hours for «%(call)s»")
        % {"person": actor.display_name, "call": response.call.title},
        body=reason,
        obj=response.call,
        url=response.call.get_absolute_url(),
        actor=actor,
    )
    audit_log(
        actor=actor,
        action="volunteering.hours.dispute",
        obj=response.call,
        changes={"hours_status": [before, "disputed"], "reason": reason},
    )
    return response


@transaction.atomic
def profile_set_public(*, actor: User, public: bool) -> VolunteerProfile:
    """The person's own choice to show their volunteer record (private until they choose)."""
    profile, _created = VolunteerProfile.objects.select_for_update().get_or_create(user=actor)
    before = profile.record_public
    profile.record_public = public
    profile.save()
    audit_log(
        actor=actor,
        action="volunteering.profile.visibility",
        obj=actor,
        changes={"record_public": [before, public]},
    )
    return profile
