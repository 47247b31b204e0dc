"""The periodic job: a reminder a day before to everyone with a confirmed place, and after the event a
request for feedback to those who came. Idempotent: each reminder and each request goes once (a moved
event is reminded of again)."""

from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from nkohub.events.models import Event, Registration
from nkohub.notifications.services import notify

NOTIFICATION_KINDS = {
    "events.reminder": gettext_lazy("Reminders of events you registered for"),
    "events.place_freed": gettext_lazy("A place at an event freed up for you"),
    "events.changed": gettext_lazy("An event you registered for moved or was cancelled"),
    "events.feedback": gettext_lazy("Requests for feedback after an event"),
}

REMIND_BEFORE = timedelta(days=1)
FEEDBACK_WITHIN = timedelta(days=7)


def _remind(now: datetime) -> int:
    due = (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminded_at__isnull=True,
            event__status=Event.Status.SCHEDULED,
            event__starts_at__gt=now,
            event__starts_at__lte=now + REMIND_BEFORE,
        )
        .select_related("event", "user")
        .order_by("pk")
    )
    sent = 0
    for registration in due:
        event = registration.event
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if not claimed:
                continue
            local = event.local_start
            notify(
                recipients=[registration.user],
                kind="events.reminder",
                title=_("Tomorrow: %(event)s") % {"event": event.title},
                body=_("«%(event)s» starts on %(date)s at %(time)s.")
                % {
                    "event": event.title,
                    "date": local.strftime("%d.%m.%Y"),
                    "time": local.strftime("%H:%M"),
                },
                obj=event,
                url=event.get_absolute_url(),
            )
        sent += 1
    return sent


def _ask_for_feedback(now: datetime) -> int:
    events = Event.objects.filter(
        status=Event.Status.SCHEDULED,
        feedback_requested_at__isnull=True,
        ends_at__lte=now,
        ends_at__gt=now - FEEDBACK_WITHIN,
    ).order_by("pk")
    asked = 0
    for event in events:
        with transaction.atomic():
            claimed = Event.objects.filter(pk=event.pk, feedback_requested_at__isnull=True).update(
                feedback_requested_at=now
            )
            if not claimed:
                continue
            people = [
                registration.user
                for registration in Registration.objects.filter(
                    event=event, attended_at__isnull=False, feedback__isnull=True
                ).select_related("user")
            ]
            notify(
                recipients=people,
                kind="events.feedback",
                title=_("How was «%(event)s»?") % {"event": event.title},
                body=_("Three short questions: a rating, what was useful, what to change."),
                obj=event,
                url=reverse("events:feedback", args=[event.pk]),
            )
            asked += len(people)
    return asked


def send_reminders() -> str:
    now = timezone.now()
    reminded = _remind(now)
    asked = _ask_for_feedback(now)
    return f"reminders: {reminded}, feedback requests: {asked}"
