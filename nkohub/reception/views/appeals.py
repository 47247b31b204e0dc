"""Pages of appeals: the public Q&A and records, the author's side, the appeal's page and its actions,
the officials' desk. Thin: check access, call one service or selector, render or redirect."""

import functools
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core import fragments
from nkohub.core.errors import DomainError
from nkohub.core.pagination import paginate
from nkohub.core.serving import user_file_response
from nkohub.core.types import AuthenticatedHttpRequest, HtmxHttpRequest
from nkohub.organizations.models import Organization
from nkohub.reception import (
    deadlines,
    forms,
    permissions,
    selectors,
    services,
)
from nkohub.reception.countdown import long_date
from nkohub.reception.forms import FILES_KEPT_NOTE
from nkohub.reception.models import Appeal, AppealAttachment, Topic
from nkohub.reception.views._shared import _add_domain_error


# Public side ---------------------------------------------------------------------------------
@require_safe
def public(request: HtmxHttpRequest) -> HttpResponse:
    """The filters and the results are cached fragments (core.fragments, group
    selectors.PUBLIC_FRAGMENTS: any write to what they show drops them); on a hit no query runs."""
    form = functools.cache(lambda: forms.PublicFilterForm(request.GET or None))

    def results() -> str:
        params: dict[str, Any] = {}
        if form().is_bound and form().is_valid():
            data = form().cleaned_data
            params = {
                "q": data["q"].strip(),
                "topic": data["topic"].pk if data["topic"] else None,
                "authority": data["authority"].pk if data["authority"] else None,
            }
        context = {
            "page": paginate(request, selectors.published_appeals(**params)),
            "filtered": any(params.values()),
            "suggestion": selectors.published_appeals_suggestion(params["q"])
            if params.get("q")
            else "",
        }
        return render_to_string("reception/_public_results.html", context, request)

    def filters() -> str:
        return render_to_string("reception/_public_filters.html", {"form": form()}, request)

    renders = {"results": results} if request.htmx else {"results": results, "filters": filters}
    html = fragments.cached(selectors.PUBLIC_FRAGMENTS, renders, request.GET.urlencode())
    if request.htmx:
        return HttpResponse(html["results"])
    return render(request, "reception/public.html", html)


@require_safe
def public_appeal(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = get_object_or_404(selectors.appeal_detail_queryset(), pk=pk)
    if not permissions.can_view_public(appeal):
        raise Http404
    return render(request, "reception/public_appeal.html", {"appeal": appeal})


@require_safe
def authorities(request: HttpRequest) -> HttpResponse:
    form = forms.PeriodForm(request.GET or None)
    start, end = form.period()
    records = selectors.authority_records(start, end)
    return render(
        request,
        "reception/authorities.html",
        {"form": form, "records": records, "start": start, "end": end},
    )


@require_safe
def authority(request: HttpRequest, pk: int) -> HttpResponse:
    body = get_object_or_404(selectors.authorities(), pk=pk)
    form = forms.PeriodForm(request.GET or None)
    start, end = form.period()
    (record,) = selectors.authority_records(start, end, authority_ids=[body.pk])
    page = paginate(request, selectors.published_appeals(authority=body.pk))
    topics = selectors.topics_of(body)
    return render(
        request,
        "reception/authority.html",
        {
            "authority": body,
            "form": form,
            "record": record,
            "start": start,
            "end": end,
            "page": page,
            "topics": topics,
        },
    )


@require_safe
def attachment(request: HttpRequest, pk: int, file_pk: int) -> FileResponse:
    """A file of an appeal, served only to those who may read it (the public only for published answers)."""
    item = get_object_or_404(
        AppealAttachment.objects.select_related("appeal__authority", "appeal__organization"),
        pk=file_pk,
        appeal_id=pk,
    )
    if not permissions.can_download(request.user, item):
        raise Http404
    return user_file_response(item.file.open("rb"), filename=item.name)


# Author's side -------------------------------------------------------------------------------
def _sent_message(appeal: Appeal) -> str:
    """Says the date the appeal is to be registered by, the one its page counts the days to."""
    assert appeal.registration_due is not None
    return _("The appeal has been sent. The authority must register it by %(date)s.") % {
        "date": long_date(appeal.registration_due)
    }


@login_required
@require_safe
def my_appeals(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = paginate(request, selectors.appeals_of_author(request.user))
    return render(request, "reception/my_appeals.html", {"page": page})


def _appeal_form_page(
    request: HttpRequest, form: forms.AppealForm, appeal: Appeal | None
) -> HttpResponse:
    context = {
        "form": form,
        "appeal": appeal,
        "registration_due_today": deadlines.registration_due(timezone.localdate()),
    }
    return render(request, "reception/appeal_form.html", context)


def _appeal_form_fields(form: forms.AppealForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {name: data[name] for name in services.DRAFT_FIELDS}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def appeal_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    initial = (
        {"authority": request.GET["authority"]}
        if request.GET.get("authority", "").isdigit()
        else {}
    )
    if request.method == "POST":
        form = forms.AppealForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            try:
                appeal, created = services.appeal_create(
                    actor=request.user,
                    idempotency_key=form.cleaned_data["idempotency_key"],
                    files=form.cleaned_data["attachments"],
                    submit="submit" in request.POST,
                    **_appeal_form_fields(form),
                )
            except DomainError as error:
                _add_domain_error(form, error)
            else:
                if not created:
                    messages.info(
                        request, _("This appeal has already been received; it was not sent twice.")
                    )
                elif appeal.status == Appeal.Status.SUBMITTED:
                    messages.success(request, _sent_message(appeal))
                else:
                    messages.success(request, _("The draft has been saved."))
                return redirect("reception:appeal", pk=appeal.pk)
        if form.errors.get("attachments"):
            messages.warning(request, str(FILES_KEPT_NOTE))
    else:
        form = forms.AppealForm(user=request.user, initial=initial)
    return _appeal_form_page(request, form, None)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def appeal_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    appeal = permissions.get_appeal_for_user(request.user, Appeal.objects.all(), pk, action="edit")
    if request.method == "POST":
        form = forms.AppealForm(request.POST, request.FILES, instance=appeal, user=request.user)
        if form.is_valid():
            try:
                services.appeal_update_draft(
                    actor=request.user,
                    appeal=appeal,
                    files=form.cleaned_data["attachments"],
                    **_appeal_form_fields(form),
                )
                if "submit" in request.POST:
                    services.appeal_submit(actor=request.user, appeal=appeal)
            except DomainError as error:
                _add_domain_error(form, error)
            else:
                messages.success(
                    request,
                    _sent_message(appeal)
                    if "submit" in request.POST
                    else _("The draft has been saved."),
                )
                return redirect("reception:appeal", pk=appeal.pk)
    else:
        appeal.refresh_from_db()
        initial = (
            {"authority": request.GET["authority"]}
            if request.GET.get("authority", "").isdigit()
            else {}
        )
        form = forms.AppealForm(instance=appeal, user=request.user, initial=initial)
    return _appeal_form_page(request, form, appeal)


@login_required
@require_POST
def appeal_submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    appeal = permissions.get_appeal_for_user(
        request.user, Appeal.objects.all(), pk, action="submit"
    )
    try:
        services.appeal_submit(actor=request.user, appeal=appeal)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _sent_message(appeal))
    return redirect("reception:appeal", pk=appeal.pk)


# The appeal's page and the actions on it -----------------------------------------------------
ACTION_FORMS: dict[str, Callable[..., Any]] = {
    "register": lambda appeal, *a, **kw: forms.RegisterForm(*a, **kw),
    "assign": lambda appeal, *a, **kw: forms.AssignForm(*a, authority=appeal.authority, **kw),
    "extend": lambda appeal, *a, **kw: forms.ExtendForm(*a, **kw),
    "answer": lambda appeal, *a, **kw: forms.AnswerForm(*a, **kw),
    "redirect": lambda appeal, *a, **kw: forms.RedirectForm(*a, authority=appeal.authority, **kw),
    "close": lambda appeal, *a, **kw: forms.CloseForm(*a, **kw),
    "clarify": lambda appeal, *a, **kw: forms.ClarifyForm(*a, **kw),
    "rate": lambda appeal, *a, **kw: forms.RateForm(*a, **kw),
}

ACTION_SERVICES: dict[str, Callable[..., Any]] = {
    "register": lambda user, appeal, d: services.appeal_register(
        actor=user,
        appeal=appeal,
        registration_number=d["registration_number"],
        registered_on=d["registered_on"],
    ),
    "assign": lambda user, appeal, d: services.appeal_assign(
        actor=user, appeal=appeal, assignee=d["assignee"]
    ),
    "extend": lambda user, appeal, d: services.appeal_extend(
        actor=user, appeal=appeal, days=d["days"], reason=d["reason"]
    ),
    "answer": lambda user, appeal, d: services.appeal_answer(
        actor=user, appeal=appeal, text=d["text"], files=d["attachments"]
    ),
    "redirect": lambda user, appeal, d: services.appeal_redirect(
        actor=user, appeal=appeal, to_authority=d["to_authority"], note=d["note"]
    ),
    "close": lambda user, appeal, d: services.appeal_close(
        actor=user, appeal=appeal, ground=d["ground"], note=d["note"]
    ),
    "clarify": lambda user, appeal, d: services.appeal_clarify(
        actor=user, appeal=appeal, text=d["text"], files=d["attachments"]
    ),
    "rate": lambda user, appeal, d: services.appeal_rate(
        actor=user, appeal=appeal, rating=d["rating"], comment=d["comment"]
    ),
}

ACTION_DONE: dict[str, Any] = {
    "register": gettext_lazy("The appeal has been registered."),
    "assign": gettext_lazy("The appeal has been assigned."),
    "extend": gettext_lazy("The term has been extended; the author has been told."),
    "answer": gettext_lazy("The answer has been sent to the author."),
    "redirect": gettext_lazy("The appeal has been redirected; the author has been told."),
    "close": gettext_lazy("The appeal has been closed; the author has been told why."),
    "clarify": gettext_lazy("The clarification has been sent."),
    "rate": gettext_lazy("Thank you for rating the answer."),
}


def _appeal_page(
    request: HttpRequest, appeal: Appeal, bound: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    action_forms = {
        action: (bound or {}).get(action) or build(appeal, auto_id=f"{action}-%s")
        for action, build in ACTION_FORMS.items()
        if permissions.can_act(request.user, appeal, action)
    }
    context = {
        "appeal": appeal,
        "action_forms": action_forms,
        "is_official": permissions.is_official_of(request.user, appeal),
        "is_author_side": permissions.is_author_side(request.user, appeal),
        "can_edit": permissions.can_act(request.user, appeal, "edit"),
    }
    return render(request, "reception/appeal.html", context, status=status)


@login_required
@require_safe
def appeal_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    appeal = permissions.get_appeal_for_user(request.user, selectors.appeal_detail_queryset(), pk)
    return _appeal_page(request, appeal)


@login_required
@require_POST
def appeal_action(request: AuthenticatedHttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTION_FORMS:
        raise Http404
    appeal = permissions.get_appeal_for_user(
        request.user, selectors.appeal_detail_queryset(), pk, action=action
    )
    form = ACTION_FORMS[action](appeal, request.POST, request.FILES, auto_id=f"{action}-%s")
    if form.is_valid():
        try:
            ACTION_SERVICES[action](request.user, appeal, form.cleaned_data)
        except DomainError as error:
            _add_domain_error(form, error)
        else:
            messages.success(request, ACTION_DONE[action])
            return redirect("reception:appeal", pk=appeal.pk)
    if "attachments" in form.errors:
        messages.warning(request, str(FILES_KEPT_NOTE))
    appeal = selectors.appeal_detail_queryset().get(pk=appeal.pk)
    return _appeal_page(request, appeal, bound={action: form}, status=400)


# Officials' desk -----------------------------------------------------------------------------
def _desk_authority(request: HttpRequest) -> Organization:
    raw = request.GET.get("authority", "")
    return permissions.get_desk_authority_for_official(
        request.user, int(raw) if raw.isdigit() else None
    )


@login_required
@require_safe
def desk(request: AuthenticatedHttpRequest) -> HttpResponse:
    body = _desk_authority(request)
    form = forms.DeskFilterForm(request.GET or None, authority=body)
    page = paginate(request, selectors.desk_appeals(body, form.filters(), user=request.user))
    context = {
        "authority": body,
        "authorities": permissions.authorities_user_serves(request.user),
        "form": form,
        "page": page,
        "counts": selectors.desk_counts(body),
    }
    template = "reception/_desk_results.html" if request.htmx else "reception/desk.html"
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def desk_topics(request: AuthenticatedHttpRequest) -> HttpResponse:
    body = _desk_authority(request)
    topic: Topic | None = None
    if request.GET.get("topic", "").isdigit():
        topic = get_object_or_404(Topic, pk=request.GET["topic"], authority=body)
    form = forms.TopicForm(request.POST or None, instance=topic, authority=body)
    if request.method == "POST" and form.is_valid():
        try:
            services.topic_save(
                actor=request.user, authority=body, topic=topic, **form.cleaned_data
            )
        except DomainError as error:
            _add_domain_error(form, error)
        else:
            messages.success(request, _("The topic has been saved."))
            return redirect(f"{reverse('reception:desk_topics')}?authority={body.pk}")
    topics = selectors.topics_of(body, active_only=False)
    return render(
        request,
        "reception/desk_topics.html",
        {"authority": body, "form": form, "topics": topics, "topic": topic},
    )
