"""How the audit log names this app's actions and fields (see nkohub.core.audit_display)."""

from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels, render_value
from nkohub.reception.models import Appeal, AppealEvent, CalendarDay


def _appeal_fields(value: Any) -> str:
    """The names of the fields an edit touched."""
    names = value if isinstance(value, list) else [value]
    labels = []
    for name in names:
        try:
            labels.append(str(getattr(Appeal._meta.get_field(str(name)), "verbose_name", name)))
        except Exception:  # a field removed since
            labels.append(str(name))
    return ", ".join(labels) or "—"


def _calendar_before(value: Any) -> str:
    if not isinstance(value, dict) or not value:
        return "—"
    kind = render_value(value.get("kind"), choices=CalendarDay.Kind.choices)
    description = value.get("description") or ""
    return f"{kind} ({description})" if description else kind


LABELS = AuditLabels(
    actions={
        **{
            f"reception.appeal.{code}": format_lazy("{}: {}", _("Appeal"), label)
            for code, label in AppealEvent.Kind.choices
        },
        "reception.topic.created": _("Topic of appeals added"),
        "reception.topic.updated": _("Topic of appeals changed"),
        "reception.calendar.saved": _("Production calendar day saved"),
        "reception.calendar.deleted": _("Production calendar day deleted"),
        "reception.calendar.year_confirmed": _("Production calendar year marked as entered"),
        "reception.calendar.year_withdrawn": _("Production calendar year mark withdrawn"),
    },
    fields={
        "fields": _("changed fields"),
        "registration_due": _("registration due"),
        "late": _("registered late"),
        "days": _("extended by, days"),
        "in_time": _("answered in time"),
        "to": _("redirected to"),
        "from": _("redirected from"),
        "appeal": _("new appeal"),
        "number": _("registration number"),
        "ground": _("ground"),
        "rating": _("rating of the answer"),
        "before": _("before"),
        "responsible": _("responsible authority"),
        "year": pgettext_lazy("calendar", "year"),
        "decree": _("government decree"),
    },
    choices={"ground": Appeal.NoAnswerGround.choices, "kind": CalendarDay.Kind.choices},
    formats={
        "fields": _appeal_fields,
        "before": _calendar_before,
        "appeal": lambda value: f"№ {value}",
    },
)
