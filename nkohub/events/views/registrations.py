"""A person's side: register, cancel, their events with the calendar feed, the check-in QR, feedback."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.pagination import paginate
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.events import forms, permissions, qr, selectors, services
from nkohub.events.services.registrations import waiting_position

from ._shared import _event, _perform, _submit, detail_context


@login_required
@require_POST
def register(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request.user, pk)
    form = forms.RegisterForm(
        request.POST,
        questions=list(event.questions.all()),
        organizations=selectors.organizations_of(request.user),
    )
    registration = _submit(
        request,
        form,
        lambda data: services.registration_create(
            actor=request.user,
            event=event,
            organization=data.get("organization"),
            answers=form.answers(),
        ),
        "",
    )
    if registration is None:
        context = detail_context(request, event, register_form=form)
        return render(request, "events/detail.html", context, status=400)
    if registration.is_confirmed:
        messages.success(request, _("You are registered: your place is confirmed."))
    else:
        messages.warning(
            request,
            _(
                "All places are taken: you are number %(position)s on the waiting list. If a place "
                "frees up, it is yours and we will tell you."
            )
            % {"position": waiting_position(registration)},
        )
    return redirect(event)


@login_required
@require_POST
def registration_cancel(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request.user, pk)
    registration = selectors.registration_of(request.user, event)
    if registration is None:
        raise Http404
    _perform(
        request,
        lambda: services.registration_cancel(actor=request.user, registration=registration),
        _("Your registration is cancelled."),
    )
    return redirect(event)


@login_required
@require_safe
def registration_qr(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The person's own check-in code as a QR picture."""
    event = _event(request.user, pk)
    registration = selectors.registration_of(request.user, event)
    if registration is None or not registration.is_confirmed:
        raise Http404
    response = HttpResponse(qr.checkin_svg(registration.checkin_code), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
@require_safe
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    feed = services.feed_for(request.user)
    context = {
        "page": paginate(request, selectors.my_registrations(request.user), per_page=20),
        "feed_url": request.build_absolute_uri(f"/events/feed/{feed.token}.ics"),
        "organised": selectors.managed_events(request.user)[:10],
    }
    return render(request, "events/mine.html", context)


@login_required
@require_POST
def feed_reset(request: AuthenticatedHttpRequest) -> HttpResponse:
    services.feed_reset(actor=request.user)
    messages.success(request, _("Your calendar has a new address; the old one no longer works."))
    return redirect("events:mine")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    event = _event(request.user, pk)
    registration = selectors.registration_of(request.user, event)
    decision = permissions.can_leave_feedback(request.user, event, registration)
    if not decision:
        raise PermissionDenied(decision.reason)
    assert registration is not None
    form = forms.FeedbackForm(request.POST or None)
    done = _submit(
        request,
        form,
        lambda data: services.feedback_submit(
            actor=request.user,
            registration=registration,
            rating=data["rating"],
            useful=data.get("useful", ""),
            to_change=data.get("to_change", ""),
        ),
        _("Thank you for your feedback."),
    )
    if done is not None:
        return redirect(event)
    status = 400 if request.method == "POST" else 200
    return render(request, "events/feedback.html", {"event": event, "form": form}, status=status)
