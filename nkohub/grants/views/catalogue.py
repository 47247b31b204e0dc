"""The competition catalogue: calendar, competition pages, following and starting an application."""

import functools
from datetime import timedelta
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core import fragments
from nkohub.core.errors import DomainError
from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.redirects import safe_next
from nkohub.core.types import AuthenticatedHttpRequest, HtmxHttpRequest
from nkohub.grants import hooks, selectors, services
from nkohub.grants.calendar_feed import deadlines_calendar
from nkohub.grants.forms import (
    CalendarFilterForm,
    CompetitionForm,
    StartApplicationForm,
)
from nkohub.grants.models import Competition
from nkohub.grants.permissions import (
    can_follow_competitions,
    can_manage_competitions,
    can_start_application,
)


def _calendar_queryset(
    request: HttpRequest, form: CalendarFilterForm | None = None
) -> tuple[CalendarFilterForm, Any]:
    form = form or CalendarFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {
            "when": form.cleaned_data["when"],
            "funder": form.cleaned_data["funder"],
            "direction": form.cleaned_data["direction"],
            "query": form.cleaned_data["q"],
        }
    return form, selectors.competitions_calendar(**filters)


def _query(form: CalendarFilterForm) -> str:
    return form.cleaned_data["q"].strip() if form.is_valid() else ""


@require_safe
def calendar(request: HtmxHttpRequest) -> HttpResponse:
    """The filters and the results are cached fragments (core.fragments, group CALENDAR_FRAGMENTS:
    any write to a competition, funder or direction drops them); on a hit no query runs but the
    viewer's own followed competitions."""
    today = timezone.localdate()
    followed = selectors.followed_competition_ids(request.user)
    form = functools.cache(lambda: CalendarFilterForm(request.GET or None))
    query_string = request.GET.urlencode()

    def results() -> str:
        _form, competitions = _calendar_queryset(request, form())
        context = {
            "page": paginate(request, competitions),
            "today": today,
            "closing_soon": today + timedelta(days=selectors.CLOSING_SOON_DAYS),
            "followed": followed,
            "suggestion": selectors.competitions_suggestion(query)
            if (query := _query(form()))
            else "",
        }
        return render_to_string("grants/_competitions.html", context, request)

    def filters() -> str:
        return render_to_string("grants/_calendar_filters.html", {"form": form()}, request)

    renders = {"results": results} if request.htmx else {"results": results, "filters": filters}
    html = fragments.cached(
        selectors.CALENDAR_FRAGMENTS, renders, query_string, today, sorted(followed)
    )
    if request.htmx:
        return HttpResponse(html["results"])
    context = {**html, "can_manage": can_manage_competitions(request.user)}
    return render(request, "grants/calendar.html", context)


@require_safe
def calendar_ics(request: HttpRequest) -> HttpResponse:
    _form, competitions = _calendar_queryset(request)
    body = deadlines_calendar(competitions[:500], base_url=request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="grant-deadlines.ics"'
    return response


@require_safe
def competition_detail(request: HttpRequest, pk: int) -> HttpResponse:
    competition = selectors.competition_detail(pk)
    if competition is None:
        raise Http404
    start_form = None
    if request.user.is_authenticated:
        start_form = StartApplicationForm(user=request.user)
        if not cast(Any, start_form.fields["organization"]).queryset.exists():
            start_form = None
    return render(
        request,
        "grants/competition.html",
        {
            "competition": competition,
            "today": timezone.localdate(),
            "following": competition.pk in selectors.followed_competition_ids(request.user),
            "start_form": start_form,
            "can_manage": can_manage_competitions(request.user),
            "extra_links": hooks.competition_links(request.user, competition),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def competition_edit(request: AuthenticatedHttpRequest, pk: int | None = None) -> HttpResponse:
    require(can_manage_competitions(request.user))
    competition = get_object_or_404(Competition, pk=pk) if pk else None
    form = CompetitionForm(request.POST or None, instance=competition)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.competition_save(
                actor=request.user,
                competition=form.save(commit=False),
                directions=form.cleaned_data["directions"],
            )
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The competition is saved."))
            return redirect("grants:competition", saved.pk)
    return render(
        request, "grants/competition_form.html", {"form": form, "competition": competition}
    )


@login_required
@require_POST
def competition_follow(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    competition = get_object_or_404(Competition, pk=pk)
    require(can_follow_competitions(request.user))
    if request.POST.get("follow") == "0":
        services.competition_unfollow(actor=request.user, competition=competition)
        messages.success(request, _("You no longer follow this competition."))
    else:
        services.competition_follow(actor=request.user, competition=competition)
        messages.success(request, _("We will remind you before applications close."))
    return redirect(safe_next(request, reverse("grants:competition", args=[pk])))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def application_start(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    competition = get_object_or_404(Competition.objects.select_related("funder"), pk=pk)
    form = StartApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organization = form.cleaned_data["organization"]
        require(can_start_application(request.user, organization))
        application = services.application_start(
            actor=request.user,
            organization=organization,
            competition=competition,
            project=form.cleaned_data["project"],
        )
        messages.success(request, _("The application is created. Complete it and run the check."))
        return redirect("grants:application_edit", application.pk)
    if not cast(Any, form.fields["organization"]).queryset.exists():
        raise Http404
    return render(request, "grants/start.html", {"form": form, "competition": competition})
