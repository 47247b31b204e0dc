from django.contrib import admin

from nkohub.organizations.models import LegalForm, Membership, Organization, Sphere


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("full_name", "kind", "inn", "ogrn", "municipality", "is_verified", "source")
    list_filter = ("kind", "status", "is_verified", "source", "municipality__region")
    search_fields = ("full_name", "short_name", "inn", "ogrn")
    autocomplete_fields = ("municipality",)
    filter_horizontal = ("spheres",)
    inlines = [MembershipInline]


@admin.register(Sphere)
class SphereAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "is_fund_direction", "position")
    list_editable = ("position",)
    search_fields = ("name",)


@admin.register(LegalForm)
class LegalFormAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "is_nonprofit")
    search_fields = ("name",)
