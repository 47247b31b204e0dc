"""How the audit log names this app's actions and fields (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _

from nkohub.core.audit_display import AuditLabels, Choices, Label
from nkohub.notifications.kinds import get_kind, registered_kinds
from nkohub.notifications.models import ALL_KINDS, EmailMode


def _kind_label(code: str) -> Label:
    return _("all notifications") if code == ALL_KINDS else get_kind(code).label


def _describe(action: str, key: str) -> tuple[Label, Choices | None] | None:
    """Notification kinds are data: preferences are stored per kind ({kind: [old mode, new mode]}),
    an unsubscription names the kind it stopped."""
    if action == "notifications.preferences_changed":
        return _kind_label(key), EmailMode.choices
    if action == "notifications.unsubscribed" and key == "kind":
        kinds = [(kind.code, kind.label) for kind in registered_kinds()]
        return _("notifications"), [(ALL_KINDS, _kind_label(ALL_KINDS)), *kinds]
    return None


LABELS = AuditLabels(
    actions={
        "notifications.unsubscribed": _("Unsubscribed from e-mails"),
        "notifications.delivery_retried": _("E-mail sent again by an operator"),
        "notifications.task_retried": _("Failed task run again"),
        "notifications.task_resolved": _("Failed task closed"),
        "notifications.preferences_changed": _("Notification settings changed"),
    },
    describe_key=_describe,
)
