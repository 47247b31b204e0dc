"""Pages of the idea bank: the public list, an idea's page with its supports, comments, timeline and the
appeal it became, proposing, and the authority's list of ideas addressed to it. Thin: check access,
call one service or selector, render or redirect."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.pagination import paginate
from nkohub.core.types import AuthenticatedHttpRequest, HtmxHttpRequest
from nkohub.ideas import forms, permissions, selectors, services
from nkohub.ideas.models import Idea
from nkohub.reception.permissions import (
    authorities_user_serves,
    can_view_appeal,
    get_desk_authority_for_official,
)


def _idea(pk: int) -> Idea:
    idea = selectors.idea_detail(pk)
    if idea is None:
        raise Http404
    return idea


def _perform(request: HttpRequest, write: Callable[[], Any], success: str) -> bool:
    try:
        write()
    except DomainError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True


@require_safe
def index(request: HtmxHttpRequest) -> HttpResponse:
    form = forms.IdeaFilterForm(request.GET or None)
    filters = form.filters()
    page = paginate(request, selectors.ideas_list(filters))
    context = {
        "form": form,
        "page": page,
        "supported": selectors.supported_among(request.user, page.object_list),
        "filtered": any(
            (filters.q, filters.status, filters.municipality, filters.sphere, filters.addressee)
        ),
        "suggestion": selectors.ideas_suggestion(filters.q) if filters.q else "",
        "can_propose": permissions.can_propose(request.user),
    }
    template = "ideas/_results.html" if request.htmx else "ideas/index.html"
    return render(request, template, context)


def _detail_context(request: HttpRequest, idea: Idea, **extra: Any) -> dict[str, Any]:
    user = request.user
    supported = selectors.is_supported(user, idea)
    moderator = permissions.can_moderate(user)
    statuses = permissions.next_statuses(user, idea)
    return {
        "idea": idea,
        "supported": supported,
        "can_support": permissions.can_support(user, idea, supported=supported),
        "can_withdraw": permissions.can_withdraw_support(user, idea, supported=supported),
        "can_comment": permissions.can_comment(user, idea),
        "can_moderate": moderator,
        "comments": paginate(request, selectors.comments_of(idea, with_hidden=moderator)),
        "comment_form": forms.CommentForm(),
        "hide_form": forms.HideCommentForm(),
        "status_form": forms.StatusForm(statuses=statuses) if statuses else None,
        "appeal": idea.appeal,
        "can_open_appeal": idea.appeal is not None and can_view_appeal(user, idea.appeal),
        "threshold": settings.IDEAS_APPEAL_THRESHOLD,
        **extra,
    }


@require_safe
def idea_detail(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    return render(request, "ideas/idea.html", _detail_context(request, idea))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def propose(request: AuthenticatedHttpRequest) -> HttpResponse:
    permissions.require(permissions.can_propose(request.user))
    form = forms.IdeaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.idea_propose(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your idea is published. Invite people to support it."))
            return redirect(idea)
    return render(request, "ideas/idea_form.html", {"form": form})


@login_required
@require_POST
def support(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    _perform(
        request,
        lambda: services.idea_support(actor=request.user, idea=idea),
        _("You support this idea."),
    )
    return redirect(idea)


@login_required
@require_POST
def withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    _perform(
        request,
        lambda: services.idea_withdraw_support(actor=request.user, idea=idea),
        _("Your support is withdrawn."),
    )
    return redirect(idea)


@login_required
@require_POST
def set_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    permissions.require(permissions.can_set_status(request.user, idea))
    form = forms.StatusForm(request.POST, statuses=permissions.next_statuses(request.user, idea))
    if form.is_valid():
        try:
            services.idea_set_status(actor=request.user, idea=idea, **form.cleaned_data)
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The idea's status is changed."))
            return redirect(idea)
    context = _detail_context(request, idea, status_form=form)
    return render(request, "ideas/idea.html", context, status=400)


@login_required
@require_POST
def comment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    idea = _idea(pk)
    permissions.require(permissions.can_comment(request.user, idea))
    form = forms.CommentForm(request.POST)
    if form.is_valid():
        try:
            services.comment_add(actor=request.user, idea=idea, text=form.cleaned_data["text"])
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("Your comment is published."))
            return redirect(f"{idea.get_absolute_url()}#comments")
    context = _detail_context(request, idea, comment_form=form)
    return render(request, "ideas/idea.html", context, status=400)


@login_required
@require_POST
def comment_hide(request: AuthenticatedHttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    idea = _idea(pk)
    permissions.require(permissions.can_moderate(request.user))
    found = selectors.comment_of(idea, comment_pk)
    if found is None:
        raise Http404
    form = forms.HideCommentForm(request.POST)
    if form.is_valid():
        _perform(
            request,
            lambda: services.comment_hide(
                actor=request.user, comment=found, reason=form.cleaned_data["reason"]
            ),
            _("The comment is hidden; its author is told why."),
        )
    else:
        messages.error(request, _("Say why the comment is hidden."))
    return redirect(f"{idea.get_absolute_url()}#comments")


@login_required
@require_safe
def addressed(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The authority's view: the ideas addressed to it, with their supports and appeals."""
    raw = request.GET.get("authority", "")
    authority = get_desk_authority_for_official(request.user, int(raw) if raw.isdigit() else None)
    status = request.GET.get("status", "")
    if status not in Idea.Status.values:
        status = ""
    context = {
        "authority": authority,
        "authorities": authorities_user_serves(request.user),
        "page": paginate(request, selectors.addressed_to(authority, status=status)),
        "status": status,
        "statuses": Idea.Status.choices,
        "list_url": reverse("ideas:addressed"),
    }
    return render(request, "ideas/addressed.html", context)
