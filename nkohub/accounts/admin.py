from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from nkohub.accounts.models import Consent, DeletionRecord, RetentionDestruction, User
from nkohub.core.admin import ReadOnlyModelAdmin


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    readonly_fields = ("kind", "version", "given_at", "ip_address", "user_agent", "withdrawn_at")
    can_delete = False


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ("email",)
    list_display = ("email", "full_name", "is_operator", "is_active", "is_demo", "date_joined")
    list_filter = ("is_operator", "is_staff", "is_active", "is_demo")
    search_fields = ("email", "full_name", "phone")
    inlines = [ConsentInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Profile"), {"fields": ("full_name", "phone", "about")}),
        (
            _("Rights"),
            {"fields": ("is_active", "is_operator", "is_staff", "is_superuser", "groups")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined", "deleted_at", "is_demo")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(DeletionRecord)
class DeletionRecordAdmin(admin.ModelAdmin):
    list_display = ("user_id_ref", "performed_at", "reason", "requested_by")
    readonly_fields = ("user_id_ref", "requested_by", "reason", "performed_at", "summary")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(RetentionDestruction)
class RetentionDestructionAdmin(ReadOnlyModelAdmin):
    """What the retention job destroyed: operators read it, nobody edits it."""

    list_display = ("performed_at", "what", "count", "period_days", "cutoff", "rule")
    list_filter = ("rule",)
    readonly_fields = ("rule", "what", "count", "period_days", "cutoff", "performed_at")
