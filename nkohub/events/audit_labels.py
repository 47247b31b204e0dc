"""How the audit log names the actions and fields of events (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels
from nkohub.events.models import Event, Registration

LABELS = AuditLabels(
    actions={
        "events.event.create": _("Event created"),
        "events.event.update": _("Event changed"),
        "events.event.close": _("Registration for an event closed"),
        "events.event.reopen": _("Registration for an event reopened"),
        "events.event.move": _("Event moved"),
        "events.event.cancel": _("Event cancelled"),
        "events.question.create": _("Registration question added"),
        "events.registration.create": _("Registered for an event"),
        "events.registration.cancel": _("Registration for an event cancelled"),
        "events.registration.promote": _("Place given from the waiting list"),
        "events.attendance.set": _("Attendance marked"),
        "events.attendance.mark": _("Attendance of a person marked"),
        "events.attendance.checkin": _("Checked in at an event"),
        "events.feedback.create": _("Feedback on an event left"),
        "events.feed.reset": _("Calendar feed address replaced"),
    },
    fields={
        "participant": _("participant"),
        "attended": pgettext_lazy("attendance", "came"),
        "changed": pgettext_lazy("audit field", "changed"),
        "organization": _("organisation"),
        "reason": pgettext_lazy("audit field", "reason"),
        "question": pgettext_lazy("audit field", "question"),
        "rating": _("rating"),
    },
    choices={
        "status": [*Registration.Status.choices, *Event.Status.choices],
        "kind": Event.Kind.choices,
    },
)
