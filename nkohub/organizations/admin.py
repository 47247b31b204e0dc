from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from nkohub.organizations.models import (
    Claim,
    ImportRun,
    Invitation,
    LegalForm,
    Membership,
    Organization,
    Sphere,
)
from nkohub.organizations.services import organization_refresh_search


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = (
        "full_name",
        "kind",
        "inn",
        "ogrn",
        "municipality",
        "register",
        "is_verified",
        "is_published",
        "source",
    )
    list_filter = (
        "kind",
        "register",
        "status",
        "is_verified",
        "is_published",
        "source",
        "is_demo",
        "municipality__region",
    )
    search_fields = ("full_name", "short_name", "inn", "ogrn")
    autocomplete_fields = ("municipality",)
    filter_horizontal = ("spheres",)
    readonly_fields = ("verified_at", "verified_by", "created_at", "updated_at")
    list_select_related = ("municipality",)
    show_full_result_count = False
    inlines = [MembershipInline]

    def save_model(self, request: HttpRequest, obj: Organization, form: Any, change: bool) -> None:
        # the admin bypasses the services: keep the search column in step with the names
        organization_refresh_search(obj)
        super().save_model(request, obj, form, change)


@admin.register(Sphere)
class SphereAdmin(admin.ModelAdmin):
    """Operators keep the region's own list of spheres here, next to the Fund's 13 directions."""

    list_display = ("name", "short_name", "code", "is_fund_direction", "position")
    list_editable = ("position",)
    search_fields = ("name", "short_name")


@admin.register(LegalForm)
class LegalFormAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "is_nonprofit")
    search_fields = ("name",)


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("organization", "user", "kind", "status", "created_at", "reviewed_by")
    list_filter = ("status", "kind")
    search_fields = ("organization__full_name", "user__email")
    raw_id_fields = ("organization", "user", "reviewed_by")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("email", "organization", "role", "created_at", "accepted_at", "cancelled_at")
    search_fields = ("email", "organization__full_name")
    raw_id_fields = ("organization", "invited_by", "accepted_by")
    exclude = ("token",)


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = (
        "original_name",
        "status",
        "dry_run",
        "rows_total",
        "created_count",
        "updated_count",
        "skipped_count",
        "excluded_count",
        "created_at",
    )
    list_filter = ("status", "dry_run")
    readonly_fields = [f.name for f in ImportRun._meta.fields]
