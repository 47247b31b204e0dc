"""The operators' pages of the production calendar and of the due dates it would move."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from nkohub.core.errors import DomainError
from nkohub.core.permissions import require
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.reception import (
    forms,
    permissions,
    production_calendar,
    selectors,
    services,
)
from nkohub.reception.models import CalendarDay, CalendarYear
from nkohub.reception.views._shared import _add_domain_error


# Production calendar (operators) -------------------------------------------------------------
def _require_calendar_rights(request: HttpRequest) -> None:
    require(permissions.can_manage_calendar(request.user))


def _calendar_url(year: int) -> str:
    return f"{reverse('reception:calendar')}?year={year}"


def _after_calendar_change(request: HttpRequest, done: str, year: int) -> HttpResponse:
    """Say what was saved; when open appeals' due dates now differ from the calendar, go to their review."""
    messages.success(request, done)
    pending = len(selectors.due_date_review())
    if not pending:
        return redirect(_calendar_url(year))
    messages.warning(
        request,
        ngettext(
            "By the calendar as it is now, %(count)d open appeal would get other due dates. "
            "Nothing has moved yet: review and apply the change.",
            "By the calendar as it is now, %(count)d open appeals would get other due dates. "
            "Nothing has moved yet: review and apply the change.",
            pending,
        )
        % {"count": pending},
    )
    return redirect("reception:calendar_due_dates")


def _calendar_page(
    request: HttpRequest,
    year: int,
    *,
    form: forms.CalendarDayForm | None = None,
    year_form: forms.CalendarYearForm | None = None,
    status: int = 200,
) -> HttpResponse:
    page = selectors.calendar_page(year)
    confirmation = page.status.confirmation
    context = {
        "page": page,
        "year": year,
        "years": (year - 1, year + 1),
        "package_version": production_calendar.PACKAGE_VERSION,
        "form": form or forms.CalendarDayForm(),
        "year_form": year_form
        or forms.CalendarYearForm(
            initial={"year": year, "decree": confirmation.decree if confirmation else ""}
        ),
    }
    return render(request, "reception/calendar.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def calendar(request: AuthenticatedHttpRequest) -> HttpResponse:
    """One page for a year's calendar: every day off the plain week with its source, and the overrides."""
    _require_calendar_rights(request)
    year_form = forms.YearForm(request.GET or None)
    year = (year_form.is_valid() and year_form.cleaned_data["year"]) or timezone.localdate().year
    if request.method != "POST":
        return _calendar_page(request, year)
    form = forms.CalendarDayForm(request.POST)
    if form.is_valid():
        try:
            entry = services.calendar_day_save(actor=request.user, **form.cleaned_data)
        except DomainError as error:
            _add_domain_error(form, error)
        else:
            return _after_calendar_change(
                request,
                _("The day has been saved. Due dates already given to appeals have not moved."),
                entry.day.year,
            )
        year = form.cleaned_data["day"].year
    return _calendar_page(request, year, form=form, status=400)


@login_required
@require_POST
def calendar_day_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _require_calendar_rights(request)
    entry = get_object_or_404(CalendarDay, pk=pk)
    services.calendar_day_delete(actor=request.user, entry=entry)
    return _after_calendar_change(
        request,
        _("The override has been removed: the day is again as the base calendar has it."),
        entry.day.year,
    )


@login_required
@require_POST
def calendar_year_confirm(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_calendar_rights(request)
    year_form = forms.CalendarYearForm(request.POST)
    if year_form.is_valid():
        year = year_form.cleaned_data["year"]
        try:
            services.calendar_year_confirm(
                actor=request.user, year=year, decree=year_form.cleaned_data["decree"]
            )
        except DomainError as error:
            _add_domain_error(year_form, error)
        else:
            return _after_calendar_change(
                request, _("The year's calendar is marked as entered from the decree."), year
            )
        return _calendar_page(request, year, year_form=year_form, status=400)
    raw = request.POST.get("year", "")
    year = int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else timezone.localdate().year
    return _calendar_page(request, year, year_form=year_form, status=400)


@login_required
@require_POST
def calendar_year_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _require_calendar_rights(request)
    entry = get_object_or_404(CalendarYear, pk=pk)
    services.calendar_year_withdraw(actor=request.user, entry=entry)
    return _after_calendar_change(
        request,
        _("The mark is withdrawn: the year is again counted by the Labour Code and overrides."),
        entry.year,
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def calendar_due_dates(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The open appeals whose stored due dates differ from today's calendar, old → new; applying is
    explicit and all-or-nothing. The list is not paginated: the operator applies what they see."""
    _require_calendar_rights(request)
    review = selectors.due_date_review()
    form = forms.DueDateApplyForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        try:
            moved = services.appeals_apply_due_dates(
                actor=request.user,
                appeal_ids=form.cleaned_data["appeals"],
                fingerprint=form.cleaned_data["fingerprint"],
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "The due dates of %(count)d appeal have been moved; its author and handler have been told.",
                    "The due dates of %(count)d appeals have been moved; their authors and handlers have been told.",
                    len(moved),
                )
                % {"count": len(moved)},
            )
        return redirect("reception:calendar_due_dates")
    checked = {str(value) for value in form["appeals"].value() or []}
    context = {"review": review, "form": form, "checked": checked}
    return render(
        request,
        "reception/calendar_due_dates.html",
        context,
        status=400 if form.is_bound else 200,
    )
