"""Volunteer calls: the public list, a call's page (response, and for the organisation the responses,
decisions and hours), posting and editing, a person's own page and their public record."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.core.pagination import paginate
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.volunteering import forms, permissions, selectors, services
from nkohub.volunteering.models import VolunteerCall, VolunteerResponse

from ._shared import _perform, _submit


def _call(pk: int) -> VolunteerCall:
    call = selectors.call_by_pk(pk)
    if call is None:
        raise Http404
    return call


def _managed_response(user: Any, pk: int, response_pk: int) -> VolunteerResponse:
    call = _call(pk)
    permissions.require(permissions.can_manage_call(user, call), hide=True)
    response = selectors.response_in(call, response_pk)
    if response is None:
        raise Http404
    return response


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    form = forms.CallFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    calls = selectors.open_calls(
        municipality=filters.get("municipality"),
        skill=filters.get("skill"),
        on=filters.get("on"),
        q=filters.get("q", ""),
    )
    context = {
        "form": form,
        "page": paginate(request, calls, per_page=20),
        "filtered": any(filters.values()),
        "can_post": selectors.organizations_acted_for(request.user).exists(),
        "suggestion": selectors.calls_suggestion(filters["q"]) if filters.get("q") else "",
    }
    return render(request, "volunteering/index.html", context)


def _call_context(request: HttpRequest, call: VolunteerCall, **extra: Any) -> dict[str, Any]:
    response = selectors.response_of(request.user, call)
    manages = bool(permissions.can_manage_call(request.user, call))
    context = {
        "call": call,
        "response": response,
        "can_respond": permissions.can_respond(request.user, call, response),
        "response_form": forms.ResponseForm(),
        "dispute_form": forms.DisputeForm(),
        "manages": manages,
        "responses": selectors.responses_to(call) if manages else [],
        "started": call.starts_at <= timezone.now(),
        "hours_form": forms.HoursForm(),
    }
    context.update(extra)
    return context


@require_safe
def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = _call(pk)
    return render(request, "volunteering/call_detail.html", _call_context(request, call))


@login_required
def call_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organizations = selectors.organizations_acted_for(request.user)
    if not organizations.exists():
        permissions.require(
            permissions.refused(_("Only an organisation's owner and editors post volunteer calls."))
        )
    form = forms.CallForm(request.POST or None, organizations=organizations)
    call = _submit(
        request,
        form,
        lambda data: services.call_create(actor=request.user, **data),
        _("The call is published."),
    )
    if call is not None:
        return redirect(call)
    status = 400 if request.method == "POST" else 200
    return render(request, "volunteering/call_form.html", {"form": form}, status=status)


@login_required
def call_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call = _call(pk)
    permissions.require(permissions.can_manage_call(request.user, call))
    form = forms.CallForm(
        request.POST or None, instance=call, initial={"skills": call.skills.all()}
    )
    done = _submit(
        request,
        form,
        lambda data: services.call_update(actor=request.user, call=call, **data),
        _("The call is saved."),
    )
    if done is not None:
        return redirect(call)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "volunteering/call_form.html", {"form": form, "call": call}, status=status
    )


@login_required
@require_POST
def call_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call = _call(pk)
    permissions.require(permissions.can_manage_call(request.user, call))
    _perform(
        request,
        lambda: services.call_cancel(actor=request.user, call=call),
        _("The call is cancelled; those who responded are told."),
    )
    return redirect(call)


@login_required
@require_POST
def respond(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call = _call(pk)
    existing = selectors.response_of(request.user, call)
    if existing is not None:  # a retried request: the same response, nothing new
        return redirect(call)
    permissions.require(permissions.can_respond(request.user, call, None))
    form = forms.ResponseForm(request.POST)
    done = _submit(
        request,
        form,
        lambda data: services.response_create(
            actor=request.user, call=call, message=data["message"]
        ),
        _("Your response is sent. The organisation will tell you its decision."),
    )
    if done is None:
        return render(
            request,
            "volunteering/call_detail.html",
            _call_context(request, call, response_form=form),
            status=400,
        )
    return redirect(call)


@login_required
@require_POST
def decide(request: AuthenticatedHttpRequest, pk: int, response_pk: int) -> HttpResponse:
    response = _managed_response(request.user, pk, response_pk)
    accept = request.POST.get("decision") == "accept"
    permissions.require(permissions.can_decide(request.user, response))
    _perform(
        request,
        lambda: services.response_decide(actor=request.user, response=response, accept=accept),
        _("%(person)s is accepted.") % {"person": response.user.display_name}
        if accept
        else _("%(person)s is declined.") % {"person": response.user.display_name},
    )
    return redirect(response.call)


@login_required
@require_POST
def hours_record(request: AuthenticatedHttpRequest, pk: int, response_pk: int) -> HttpResponse:
    response = _managed_response(request.user, pk, response_pk)
    permissions.require(permissions.can_record_hours(request.user, response))
    form = forms.HoursForm(request.POST)
    done = _submit(
        request,
        form,
        lambda data: services.hours_record(
            actor=request.user, response=response, hours=data["hours"]
        ),
        _("The hours are recorded. Confirm them when they are right."),
    )
    if done is None:
        context = _call_context(request, response.call, hours_form=form, hours_for=response.pk)
        return render(request, "volunteering/call_detail.html", context, status=400)
    return redirect(response.call)


@login_required
@require_POST
def hours_confirm(request: AuthenticatedHttpRequest, pk: int, response_pk: int) -> HttpResponse:
    response = _managed_response(request.user, pk, response_pk)
    permissions.require(permissions.can_confirm_hours(request.user, response))
    _perform(
        request,
        lambda: services.hours_confirm(actor=request.user, response=response),
        _("The hours are confirmed; the volunteer is told."),
    )
    return redirect(response.call)


@login_required
@require_POST
def hours_dispute(request: AuthenticatedHttpRequest, pk: int, response_pk: int) -> HttpResponse:
    call = _call(pk)
    response = selectors.response_in(call, response_pk)
    if response is None or not permissions.is_volunteer(request.user, response):
        raise Http404
    permissions.require(permissions.can_dispute_hours(request.user, response))
    form = forms.DisputeForm(request.POST)
    done = _submit(
        request,
        form,
        lambda data: services.hours_dispute(
            actor=request.user, response=response, reason=data["reason"]
        ),
        _("The organisation is told that you dispute the hours."),
    )
    if done is None:
        context = _call_context(request, call, dispute_form=form)
        return render(request, "volunteering/call_detail.html", context, status=400)
    return redirect(call)


@login_required
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    public = selectors.record_public(request.user)
    form = forms.RecordVisibilityForm(request.POST or None, initial={"record_public": public})
    done = _submit(
        request,
        form,
        lambda data: services.profile_set_public(actor=request.user, public=data["record_public"]),
        _("Saved."),
    )
    if done is not None:
        return redirect("volunteering:mine")
    organizations = selectors.organizations_acted_for(request.user)
    context = {
        "form": form,
        "record_public": public,
        "responses": selectors.my_responses(request.user),
        "record": selectors.volunteer_record(request.user),
        "organizations": organizations,
        "calls": selectors.calls_of_any(organizations),
        "alliances": selectors.alliances_of(organizations),
        "invitations": selectors.invitations_for(organizations),
        "acting_ids": set(organizations.values_list("pk", flat=True)),
    }
    return render(request, "volunteering/mine.html", context)


@require_safe
def record(request: HttpRequest, user_pk: int) -> HttpResponse:
    """A person's public volunteer record: 404 unless they chose to show it (or it is their own)."""
    person = get_object_or_404(get_user_model(), pk=user_pk, is_active=True)
    public = selectors.record_public(person)
    if not permissions.can_view_record(request.user, person, public):
        raise Http404
    context = {"person": person, "public": public, "record": selectors.volunteer_record(person)}
    return render(request, "volunteering/record.html", context)
