from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.errors import DomainError
from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.redirects import is_safe_target, safe_next
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.notifications import selectors, services
from nkohub.notifications.forms import PreferencesForm
from nkohub.notifications.kinds import get_kind
from nkohub.notifications.mail import read_unsubscribe_token
from nkohub.notifications.models import (
    ALL_KINDS,
    EmailDelivery,
    EmailMode,
    Notification,
    TaskFailure,
)
from nkohub.notifications.permissions import can_view_operations, get_notification_for_user
from nkohub.notifications.scheduling import periodic_jobs

CHANGED_EVENT = "notifications-changed"


def cabinet_context(user: Any) -> dict[str, Any] | None:
    counts = selectors.inbox_counts(user)
    latest = list(selectors.inbox_for(user, unread_only=True)[:3])
    return {"counts": counts, "latest": latest, "can_view_operations": can_view_operations(user)}


@login_required
@require_safe
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    unread_only = request.GET.get("show") == "unread"
    page = paginate(request, selectors.inbox_for(request.user, unread_only=unread_only))
    return render(
        request,
        "notifications/inbox.html",
        {"page": page, "unread_only": unread_only, "counts": selectors.inbox_counts(request.user)},
    )


@require_safe
def badge(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return HttpResponse(status=204)
    return render(
        request, "notifications/_badge.html", {"unread_count": selectors.unread_count(request.user)}
    )


def _after_change(request: AuthenticatedHttpRequest, notification: Notification) -> HttpResponse:
    if request.htmx:
        response = render(request, "notifications/_item.html", {"notification": notification})
        response["HX-Trigger"] = CHANGED_EVENT
        return response
    return redirect(safe_next(request, reverse("notifications:inbox")))


@login_required
@require_POST
def mark_read(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    notification = get_notification_for_user(request.user, pk)
    services.notification_mark_read(actor=request.user, notification=notification)
    return _after_change(request, notification)


@login_required
@require_POST
def mark_unread(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    notification = get_notification_for_user(request.user, pk)
    services.notification_mark_unread(actor=request.user, notification=notification)
    return _after_change(request, notification)


@login_required
@require_POST
def mark_all_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    count = services.notifications_mark_all_read(actor=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect(safe_next(request, reverse("notifications:inbox")))


@login_required
@require_safe
def open_notification(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Follow a notification's link, marking it read on the way."""
    notification = get_notification_for_user(request.user, pk)
    services.notification_mark_read(actor=request.user, notification=notification)
    if notification.url and is_safe_target(request, notification.url):
        return HttpResponseRedirect(notification.url)
    return redirect("notifications:inbox")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    sections = selectors.preference_sections(request.user)
    default_mode = selectors.default_preference(request.user)
    form = PreferencesForm(request.POST or None, sections=sections, default_mode=default_mode)
    if request.method == "POST" and form.is_valid():
        try:
            services.notification_preferences_set(actor=request.user, modes=form.modes())
        except DomainError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Your notification settings are saved."))
            return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {
            "form": form,
            "default_field": form[ALL_KINDS],
            "sections": form.bound_sections(),
            "mode_labels": [_("As for all"), *EmailMode.labels],
            "digest_time": settings.NOTIFICATIONS_DIGEST_TIME,
        },
    )


@login_required
@require_POST
def send_test(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        services.notification_send_test(actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("A test notification is in your inbox; the e-mail goes out as you set it.")
        )
    return redirect("notifications:preferences")


@csrf_exempt  # RFC 8058 one-click: mail clients POST here without a session or a CSRF token
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows what will stop with a button (link scanners must not unsubscribe anyone); POST stops it."""
    try:
        user_id, kind = read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    person = get_object_or_404(get_user_model(), pk=user_id)
    label = None if kind == ALL_KINDS else get_kind(kind).label
    if request.method == "POST":
        services.email_unsubscribe(user=person, kind=kind)
        return render(request, "notifications/unsubscribe_done.html", {"kind_label": label})
    return render(
        request, "notifications/unsubscribe.html", {"kind_label": label, "email": person.email}
    )


def _require_operator(request: HttpRequest) -> None:
    require(can_view_operations(request.user))


@login_required
@require_safe
def operations(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_operator(request)
    states = selectors.scheduled_job_states()
    now = timezone.now()
    jobs = [
        {
            "job": job,
            "state": states.get(job.name),
            # A job the scheduler has not seen yet runs at its first due time after it starts.
            "next_run": states[job.name].next_run_at if job.name in states else job.first_run(now),
        }
        for job in periodic_jobs()
    ]
    return render(
        request,
        "notifications/operations.html",
        {
            "failures": paginate(request, selectors.unresolved_task_failures(), per_page=50),
            "failed_deliveries": selectors.failed_deliveries()[:50],
            "delivery_counts": selectors.delivery_counts(),
            "jobs": jobs,
            "scheduler_has_run": bool(states),
        },
    )


@login_required
@require_POST
def task_failure_action(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _require_operator(request)
    failure = get_object_or_404(TaskFailure, pk=pk)
    try:
        if request.POST.get("action") == "retry":
            services.task_failure_retry(actor=request.user, failure=failure)
            messages.success(request, _("The task is queued again."))
        else:
            services.task_failure_resolve(actor=request.user, failure=failure)
            messages.success(request, _("The failure is closed."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("notifications:operations")


@login_required
@require_POST
def delivery_retry(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    _require_operator(request)
    delivery = get_object_or_404(EmailDelivery, pk=pk)
    try:
        services.email_delivery_retry(actor=request.user, delivery=delivery)
        messages.success(request, _("The e-mail is queued again."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("notifications:operations")
