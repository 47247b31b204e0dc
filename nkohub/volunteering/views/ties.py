"""Ties between organisations: partnership requests and answers, coalitions (list, page with members
and announcements, invitations), internships (list, page, requests and decisions)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.core.pagination import paginate
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.organizations.models import Organization
from nkohub.volunteering import coalition_sections, forms, permissions, selectors, services
from nkohub.volunteering.models import CoalitionMember, Internship

from ._shared import _perform, _submit


# --- partnerships -----------------------------------------------------------------------------
@login_required
def alliance_propose(request: AuthenticatedHttpRequest, organization_pk: int) -> HttpResponse:
    partner = get_object_or_404(Organization, pk=organization_pk, is_published=True)
    organizations = selectors.organizations_acted_for(request.user).exclude(pk=partner.pk)
    if not organizations.exists():
        permissions.require(
            permissions.refused(
                _("Only the organisation's owner and editors declare its partnerships.")
            )
        )
    form = forms.AllianceForm(request.POST or None, organizations=organizations)
    done = _submit(
        request,
        form,
        lambda data: services.alliance_propose(
            actor=request.user,
            proposer=data["proposer"],
            partner=partner,
            description=data["description"],
        ),
        _("The request is sent; the partnership shows once %(organization)s accepts it.")
        % {"organization": partner.display_name},
    )
    if done is not None:
        return redirect("organizations:detail", pk=partner.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "partner": partner}
    return render(request, "volunteering/alliance_form.html", context, status=status)


@login_required
@require_POST
def alliance_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    alliance = selectors.alliance_by_pk(pk)
    if alliance is None or not permissions.can_act_for_either(request.user, alliance):
        raise Http404
    permissions.require(permissions.can_answer_alliance(request.user, alliance))
    accept = request.POST.get("decision") == "accept"
    _perform(
        request,
        lambda: services.alliance_answer(actor=request.user, alliance=alliance, accept=accept),
        _("The partnership is accepted.") if accept else _("The request is declined."),
    )
    return redirect("volunteering:mine")


@login_required
@require_POST
def alliance_end(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    alliance = selectors.alliance_by_pk(pk)
    if alliance is None or not permissions.can_act_for_either(request.user, alliance):
        raise Http404
    _perform(
        request,
        lambda: services.alliance_end(actor=request.user, alliance=alliance),
        _("The partnership is ended."),
    )
    return redirect("volunteering:mine")


# --- coalitions -------------------------------------------------------------------------------
@require_safe
def coalitions(request: HttpRequest) -> HttpResponse:
    context = {
        "page": paginate(request, selectors.coalitions(), per_page=20),
        "can_create": selectors.organizations_acted_for(request.user).exists(),
    }
    return render(request, "volunteering/coalitions.html", context)


@login_required
def coalition_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organizations = selectors.organizations_acted_for(request.user)
    if not organizations.exists():
        permissions.require(
            permissions.refused(
                _("Only the organisation's owner and editors found a coalition in its name.")
            )
        )
    form = forms.CoalitionForm(request.POST or None, organizations=organizations)
    coalition = _submit(
        request,
        form,
        lambda data: services.coalition_create(actor=request.user, **data),
        _("The coalition is created. Invite its members."),
    )
    if coalition is not None:
        return redirect(coalition)
    status = 400 if request.method == "POST" else 200
    return render(request, "volunteering/coalition_form.html", {"form": form}, status=status)


def _coalition_context(request: HttpRequest, coalition: Any, **extra: Any) -> dict[str, Any]:
    members = list(selectors.coalition_members(coalition))
    member_ids = {m.organization_id for m in members if m.status == CoalitionMember.Status.MEMBER}
    mine = selectors.organizations_acted_for(request.user).filter(pk__in=member_ids)
    context = {
        "coalition": coalition,
        "members": [m for m in members if m.status == CoalitionMember.Status.MEMBER],
        "invited": [m for m in members if m.status == CoalitionMember.Status.INVITED],
        "page": paginate(request, selectors.announcements_of(coalition), per_page=10),
        "sections": coalition_sections.sections_for(coalition, request.user),
        "can_invite": permissions.can_invite(request.user, coalition),
        "invite_form": forms.InviteForm(),
        "announce_form": forms.AnnouncementForm(organizations=mine) if mine.exists() else None,
        "answerable": [
            m
            for m in members
            if m.status == CoalitionMember.Status.INVITED
            and permissions.is_invited_side(request.user, m)
        ],
    }
    context.update(extra)
    return context


def _coalition(pk: int) -> Any:
    coalition = selectors.coalition_by_pk(pk)
    if coalition is None:
        raise Http404
    return coalition


@require_safe
def coalition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    coalition = _coalition(pk)
    return render(
        request, "volunteering/coalition_detail.html", _coalition_context(request, coalition)
    )


@login_required
@require_POST
def coalition_invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    coalition = _coalition(pk)
    permissions.require(permissions.can_invite(request.user, coalition))
    form = forms.InviteForm(request.POST)
    done = _submit(
        request,
        form,
        lambda data: services.coalition_invite(
            actor=request.user, coalition=coalition, organization=data["organization"]
        ),
        _("The invitation is sent."),
    )
    if done is None:
        context = _coalition_context(request, coalition, invite_form=form)
        return render(request, "volunteering/coalition_detail.html", context, status=400)
    return redirect(coalition)


@login_required
@require_POST
def coalition_answer(request: AuthenticatedHttpRequest, pk: int, member_pk: int) -> HttpResponse:
    coalition = _coalition(pk)
    member = get_object_or_404(
        CoalitionMember.objects.select_related("organization", "coalition__founder"),
        coalition=coalition,
        pk=member_pk,
    )
    if not permissions.is_invited_side(request.user, member):
        raise Http404
    permissions.require(permissions.can_answer_invitation(request.user, member))
    accept = request.POST.get("decision") == "accept"
    _perform(
        request,
        lambda: services.coalition_answer(actor=request.user, member=member, accept=accept),
        _("Welcome to the coalition.") if accept else _("The invitation is declined."),
    )
    return redirect(coalition)


@login_required
@require_POST
def announcement_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    coalition = _coalition(pk)
    form = forms.AnnouncementForm(
        request.POST, organizations=selectors.organizations_acted_for(request.user)
    )
    if form.is_valid():
        member_ids = set(
            coalition.members.filter(status=CoalitionMember.Status.MEMBER).values_list(
                "organization_id", flat=True
            )
        )
        permissions.require(
            permissions.can_announce(request.user, form.cleaned_data["organization"], member_ids)
        )
    done = _submit(
        request,
        form,
        lambda data: services.announcement_create(actor=request.user, coalition=coalition, **data),
        _("The announcement is published."),
    )
    if done is None:
        context = _coalition_context(request, coalition, announce_form=form)
        return render(request, "volunteering/coalition_detail.html", context, status=400)
    return redirect(coalition)


# --- internships ------------------------------------------------------------------------------
@require_safe
def internships(request: HttpRequest) -> HttpResponse:
    context = {
        "page": paginate(request, selectors.open_internships(), per_page=20),
        "can_create": selectors.organizations_acted_for(request.user).exists(),
    }
    return render(request, "volunteering/internships.html", context)


@login_required
def internship_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organizations = selectors.organizations_acted_for(request.user)
    if not organizations.exists():
        permissions.require(
            permissions.refused(
                _("Only the organisation's owner and editors offer its internships.")
            )
        )
    form = forms.InternshipForm(request.POST or None)
    host_form = forms.OrganizationChoiceForm(request.POST or None, organizations=organizations)
    internship = None
    if host_form.is_valid():
        internship = _submit(
            request,
            form,
            lambda data: services.internship_create(
                actor=request.user, host=host_form.cleaned_data["organization"], **data
            ),
            _("The internship is offered."),
        )
    if internship is not None:
        return redirect(internship)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "host_form": host_form}
    return render(request, "volunteering/internship_form.html", context, status=status)


def _internship(pk: int) -> Internship:
    internship = selectors.internship_by_pk(pk)
    if internship is None:
        raise Http404
    return internship


def _internship_context(
    request: HttpRequest, internship: Internship, **extra: Any
) -> dict[str, Any]:
    manages = bool(permissions.can_manage_internship(request.user, internship))
    ngos = selectors.ngos_of(request.user).exclude(pk=internship.host_id)
    context = {
        "internship": internship,
        "manages": manages,
        "requests": selectors.internship_requests(internship) if manages else [],
        "own_request": selectors.internship_request_of(request.user, internship),
        "request_form": forms.InternshipRequestForm(organizations=ngos) if ngos.exists() else None,
    }
    context.update(extra)
    return context


@require_safe
def internship_detail(request: HttpRequest, pk: int) -> HttpResponse:
    internship = _internship(pk)
    context = _internship_context(request, internship)
    return render(request, "volunteering/internship_detail.html", context)


@login_required
@require_POST
def internship_request(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    internship = _internship(pk)
    if selectors.internship_request_of(request.user, internship) is not None:
        return redirect(internship)
    ngos = selectors.ngos_of(request.user).exclude(pk=internship.host_id)
    if not ngos.exists():
        permissions.require(permissions.can_request_internship(request.user, internship, None))
    form = forms.InternshipRequestForm(request.POST, organizations=ngos)
    done = _submit(
        request,
        form,
        lambda data: services.internship_request(actor=request.user, internship=internship, **data),
        _("Your request is sent to the host."),
    )
    if done is None:
        context = _internship_context(request, internship, request_form=form)
        return render(request, "volunteering/internship_detail.html", context, status=400)
    return redirect(internship)


@login_required
@require_POST
def internship_decide(request: AuthenticatedHttpRequest, pk: int, request_pk: int) -> HttpResponse:
    internship = _internship(pk)
    permissions.require(permissions.can_manage_internship(request.user, internship), hide=True)
    found = selectors.internship_request_in(internship, request_pk)
    if found is None:
        raise Http404
    permissions.require(permissions.can_decide_internship_request(request.user, found))
    accept = request.POST.get("decision") == "accept"
    _perform(
        request,
        lambda: services.internship_decide(actor=request.user, request=found, accept=accept),
        _("The request is accepted.") if accept else _("The request is declined."),
    )
    return redirect(internship)
