"""Calls: the public list, a call's page, creating and editing it, its criteria and parts,
publishing and moving it on."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.competitions import selectors, services
from nkohub.competitions.forms import CallForm, CallPartsForm, CriterionFormSet
from nkohub.competitions.models import Call
from nkohub.competitions.permissions import (
    can_create_call,
    can_edit_call,
    can_manage_call,
    get_call_for_user,
    is_funder_member,
)
from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.pagination import paginate
from nkohub.core.permissions import refused, require
from nkohub.core.service_calls import perform
from nkohub.core.types import AuthenticatedHttpRequest


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {
        "page": paginate(request, selectors.public_calls()),
        "today": timezone.localdate(),
    }
    if request.user.is_authenticated:
        context["runs_calls"] = (
            selectors.funder_organizations(request.user).exists()
            or selectors.calls_run_by(request.user).exists()
        )
        context["own_drafts"] = list(
            selectors.calls_run_by(request.user).filter(status=Call.Status.DRAFT)[:20]
        )
    return render(request, "competitions/index.html", context)


@require_safe
def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = selectors.call_detail(get_call_for_user(request.user, pk))
    return render(
        request,
        "competitions/call.html",
        {
            "call": call,
            "today": timezone.localdate(),
            "manage": can_manage_call(request.user, call),
            "edit": can_edit_call(request.user, call),
            "member": is_funder_member(request.user, call),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def call_edit(request: AuthenticatedHttpRequest, pk: int | None = None) -> HttpResponse:
    call = get_call_for_user(request.user, pk) if pk else None
    organizations = None
    if call is None:
        organizations = selectors.funder_organizations(request.user)
        require(
            organizations.exists()
            or refused(
                _("A call is run by an authority, a foundation or a company: you act for none.")
            )
        )
    else:
        require(can_edit_call(request.user, call))
    form = CallForm(request.POST or None, instance=call, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        draft = form.save(commit=False)
        if call is None:
            organization = form.cleaned_data["organization"]
            require(can_create_call(request.user, organization))
            draft.organization = organization
        try:
            saved = services.call_save(
                actor=request.user, call=draft, directions=form.cleaned_data["directions"]
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, pgettext("competitions", "The call is saved."))
            return redirect(
                "competitions:call_parts" if call is None else "competitions:call", saved.pk
            )
    return render(request, "competitions/call_form.html", {"form": form, "call": call})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def call_parts(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Criteria with weights and scales, documents required, the funder's own questions."""
    call = get_call_for_user(request.user, pk)
    require(can_edit_call(request.user, call))
    call = selectors.call_detail(call)
    initial_criteria = [
        {"name": c.name, "description": c.description, "weight": c.weight, "max_score": c.max_score}
        for c in call.criteria.all()
    ]
    documents = list(call.required_documents.all())
    parts_initial = {
        "required_documents": "\n".join(d.name for d in documents if d.is_required),
        "optional_documents": "\n".join(d.name for d in documents if not d.is_required),
        "questions": "\n".join(q.text for q in call.questions.all()),
    }
    formset = CriterionFormSet(request.POST or None, initial=initial_criteria, prefix="criteria")
    parts = CallPartsForm(request.POST or None, initial=parts_initial)
    if request.method == "POST" and formset.is_valid() and parts.is_valid():
        criteria = [
            {k: form.cleaned_data[k] for k in ("name", "description", "weight", "max_score")}
            for form in formset.forms
            if form.cleaned_data
            and form.cleaned_data.get("name")
            and not form.cleaned_data.get("DELETE")
        ]
        try:
            if criteria != initial_criteria:
                services.call_set_criteria(actor=request.user, call=call, criteria=criteria)
            new_documents = [
                {"name": n, "is_required": True}
                for n in parts.lines(parts.cleaned_data["required_documents"])
            ] + [
                {"name": n, "is_required": False}
                for n in parts.lines(parts.cleaned_data["optional_documents"])
            ]
            if new_documents != [{"name": d.name, "is_required": d.is_required} for d in documents]:
                services.call_set_documents(actor=request.user, call=call, documents=new_documents)
            questions = [{"text": q} for q in parts.lines(parts.cleaned_data["questions"])]
            if questions != [{"text": q.text} for q in call.questions.all()]:
                services.call_set_questions(actor=request.user, call=call, questions=questions)
        except DomainError as error:
            add_domain_error(parts, error)
        else:
            messages.success(request, _("Criteria, documents and questions are saved."))
            return redirect("competitions:call", call.pk)
    return render(
        request, "competitions/call_parts.html", {"call": call, "formset": formset, "parts": parts}
    )


@login_required
@require_POST
def call_fund_criteria(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    call = get_call_for_user(request.user, pk)
    require(can_edit_call(request.user, call))
    perform(
        request,
        lambda: services.call_use_fund_criteria(actor=request.user, call=call),
        _("The Presidential Grants Fund's criteria are set: change the weights if needed."),
    )
    return redirect("competitions:call_parts", call.pk)


def _call_move(
    request: AuthenticatedHttpRequest, pk: int, write: Any, success: str
) -> HttpResponse:
    call = get_call_for_user(request.user, pk)
    require(can_manage_call(request.user, call))
    perform(request, lambda: write(actor=request.user, call=call), success)
    return redirect("competitions:call", call.pk)


@login_required
@require_POST
def call_publish(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _call_move(
        request,
        pk,
        services.call_publish,
        _("The call is published and is on the competitions calendar."),
    )


@login_required
@require_POST
def call_start_review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _call_move(request, pk, services.call_start_review, _("The call is under review."))


@login_required
@require_POST
def call_publish_results(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _call_move(request, pk, services.call_publish_results, _("The results are published."))
