"""The organiser's pages: create and edit an event, its questions; the list of people with attendance,
the check-in page for a phone, close, move or cancel; the feedback; operators' feedback across events."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.errors import DomainError
from nkohub.core.pagination import paginate
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.events import forms, permissions, selectors, services
from nkohub.events.models import EVENT_FIELDS, Registration

from ._shared import _event, _perform, _submit


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organizations = selectors.acting_organizations(request.user)
    if not organizations.exists():
        permissions.require(
            permissions.refused(
                _("Only the organisation's owners and editors may create its events.")
            )
        )
    form = forms.EventForm(request.POST or None, organizations=organizations)
    event = _submit(
        request,
        form,
        lambda data: services.event_create(
            actor=request.user,
            organizer=data["organizer"],
            starts_at=data["starts_at"],
            ends_at=data["ends_at"],
            questions=data.get("questions", "").splitlines(),
            **{name: data[name] for name in EVENT_FIELDS},
        ),
        _("The event is published in the calendar."),
    )
    if event is not None:
        return redirect("events:manage", pk=event.pk)
    return render(request, "events/event_form.html", {"form": form, "event": None})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def event_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request.user, pk, manage=True)
    form = forms.EventForm(request.POST or None, instance=event)
    done = _submit(
        request,
        form,
        lambda data: services.event_update(
            actor=request.user,
            event=event,
            **{name: data[name] for name in EVENT_FIELDS},
        ),
        _("The event is saved."),
    )
    if done is not None:
        return redirect("events:manage", pk=pk)
    event.refresh_from_db()
    return render(request, "events/event_form.html", {"form": form, "event": event})


@login_required
@require_safe
def manage(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request.user, pk, manage=True)
    context = {
        "event": event,
        "counts": selectors.counts_for(event),
        "page": paginate(request, selectors.registrations_for(event), per_page=50),
        "by_organization": selectors.attendance_by_organization(event),
        "summary": selectors.feedback_summary(event),
        "comments": selectors.feedback_comments(event)[:50],
        "move_form": forms.MoveForm(event=event),
        "cancel_form": forms.CancelForm(),
        "question_form": forms.QuestionForm(),
        "Status": Registration.Status,
    }
    return render(request, "events/manage.html", context)


@login_required
@require_POST
def attendance(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request.user, pk, manage=True)
    present = [value for value in request.POST.getlist("present") if value.isdigit()]
    _perform(
        request,
        lambda: services.attendance_set(actor=request.user, event=event, present=map(int, present)),
        _("Attendance is saved."),
    )
    return redirect("events:manage", pk=pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def checkin(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The phone page: the camera reads QR codes (BarcodeDetector) or the code is typed; codes read
    offline wait in the browser and are sent later (events-checkin.js). JSON for the script, a page
    without it."""
    event = _event(request.user, pk, manage=True)
    form = forms.CheckinForm(request.POST or None)
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    if request.method == "POST" and form.is_valid():
        try:
            registration, already = services.checkin_by_code(
                actor=request.user, event=event, code=form.cleaned_data["code"]
            )
        except DomainError as error:
            if wants_json:
                return JsonResponse({"ok": False, "message": error.message}, status=422)
            form.add_error("code", error.message)
        else:
            message = (
                _("%(person)s is already checked in.")
                if already
                else _("%(person)s is checked in.")
            ) % {"person": registration.user}
            if wants_json:
                return JsonResponse({"ok": True, "already": already, "message": message})
            messages.success(request, message)
            return redirect("events:checkin", pk=pk)
    elif request.method == "POST" and wants_json:
        return JsonResponse({"ok": False, "message": _("Type the code.")}, status=422)
    context = {"event": event, "form": form, "counts": selectors.counts_for(event)}
    return render(request, "events/checkin.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def question_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request.user, pk, manage=True)
    form = forms.QuestionForm(request.POST)
    if form.is_valid():
        _perform(
            request,
            lambda: services.event_question_add(
                actor=request.user,
                event=event,
                text=form.cleaned_data["text"],
                required=form.cleaned_data["required"],
            ),
            _("The question is added to the registration form."),
        )
    else:
        messages.error(request, _("Type the question."))
    return redirect("events:manage", pk=pk)


def _switch_registration(
    request: AuthenticatedHttpRequest, pk: int, *, close: bool
) -> HttpResponse:
    event = _event(request.user, pk, manage=True)
    if close:
        _perform(
            request,
            lambda: services.event_close_registration(actor=request.user, event=event),
            _("Registration is closed."),
        )
    else:
        _perform(
            request,
            lambda: services.event_reopen_registration(actor=request.user, event=event),
            _("Registration is open again."),
        )
    return redirect("events:manage", pk=pk)


@login_required
@require_POST
def event_close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _switch_registration(request, pk, close=True)


@login_required
@require_POST
def event_reopen(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _switch_registration(request, pk, close=False)


@login_required
@require_POST
def event_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request.user, pk, manage=True)
    form = forms.MoveForm(request.POST, event=event)
    if form.is_valid():
        _perform(
            request,
            lambda: services.event_move(
                actor=request.user,
                event=event,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
            ),
            _("The event is moved; everyone registered is told."),
        )
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("events:manage", pk=pk)


@login_required
@require_POST
def event_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request.user, pk, manage=True)
    form = forms.CancelForm(request.POST)
    if form.is_valid():
        _perform(
            request,
            lambda: services.event_cancel(
                actor=request.user, event=event, reason=form.cleaned_data["reason"]
            ),
            _("The event is cancelled; everyone registered is told."),
        )
    else:
        messages.error(request, _("Say why the event is cancelled."))
    return redirect("events:manage", pk=pk)


@login_required
@require_safe
def feedback_overview(request: AuthenticatedHttpRequest) -> HttpResponse:
    permissions.require(permissions.can_view_all_feedback(request.user))
    context = {"page": paginate(request, selectors.feedback_across_events(), per_page=30)}
    return render(request, "events/feedback_overview.html", context)
