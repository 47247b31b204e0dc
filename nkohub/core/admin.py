from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from nkohub.core.audit_display import action_label, describe
from nkohub.core.models import AuditEntry


class ReadOnlyModelAdmin(admin.ModelAdmin):
    """Records operators read and nobody edits (the audit log, destruction records)."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyModelAdmin):
    list_display = ("created_at", "actor", "action_name", "object_repr")
    list_filter = ("action", "content_type")
    search_fields = ("object_repr", "actor__email", "action")
    date_hierarchy = "created_at"
    readonly_fields = (
        "created_at",
        "actor",
        "action",
        "content_type",
        "object_id",
        "object_repr",
        "changes_in_words",
        "changes",
    )

    @admin.display(description=_("action"), ordering="action")
    def action_name(self, entry: AuditEntry) -> str:
        return action_label(entry.action)

    @admin.display(description=_("what changed"))
    def changes_in_words(self, entry: AuditEntry) -> str:
        return format_html_join(
            "\n",
            "<div><strong>{}</strong>: {}</div>",
            ((c.label, c.value) for c in describe(entry).changes),
        )
