from typing import Any

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from nkohub.core.images import strip_metadata, validate_image
from nkohub.organizations.models import (
    LOGO_MAX_BYTES,
    LOGO_MIN_SIZE,
    Claim,
    ImportRun,
    Invitation,
    LegalForm,
    Membership,
    Organization,
    Sphere,
)
from nkohub.organizations.services import organization_logo_apply, organization_refresh_search


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


class OrganizationAdminForm(forms.ModelForm):
    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            validate_image(logo, max_bytes=LOGO_MAX_BYTES, min_size=LOGO_MIN_SIZE)
            return strip_metadata(logo)  # stored without EXIF (GPS) and other metadata
        return logo


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    form = OrganizationAdminForm
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
    readonly_fields = ("logo_preview", "verified_at", "verified_by", "created_at", "updated_at")
    list_select_related = ("municipality",)
    show_full_result_count = False
    inlines = [MembershipInline]

    @admin.display(description=_("logo thumbnail"))
    def logo_preview(self, obj: Organization) -> str:
        if not obj.logo_src:
            return "—"
        return format_html('<img src="{}" alt="" width="96" height="96">', obj.logo_src)

    def save_model(self, request: HttpRequest, obj: Organization, form: Any, change: bool) -> None:
        # the admin bypasses the services: keep the search column in step with the names, and a
        # new logo gets its thumbnail (and the old files go) as through the profile form
        organization_refresh_search(obj)
        if "logo" in form.changed_data:
            previous = Organization.objects.filter(pk=obj.pk).first() if change else None
            organization_logo_apply(
                organization=obj, data={"logo": form.cleaned_data["logo"]}, previous=previous
            )
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
