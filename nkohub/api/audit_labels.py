"""How the audit log names the API's actions and fields (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels

LABELS = AuditLabels(
    actions={
        "api.token.create": _("API token created"),
        "api.token.revoke": _("API token revoked"),
        "api.webhook.create": _("Webhook added"),
        "api.webhook.active": _("Webhook paused or resumed"),
        "api.webhook.delete": _("Webhook deleted"),
    },
    fields={
        "scopes": _("scopes"),
        "events": pgettext_lazy("webhook field", "events"),
        "url": pgettext_lazy("audit field", "address"),
        "is_active": pgettext_lazy("webhook", "active"),
        "organization": _("organisation"),
    },
)
