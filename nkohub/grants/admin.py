from django.contrib import admin

from nkohub.grants.models import (
    Application,
    ApplicationExport,
    ApplicationTask,
    ApplicationVersion,
    BudgetItem,
    Competition,
    CompetitionFollow,
    Funder,
    PlanEvent,
    RegionComparison,
    TeamMember,
)


@admin.register(Funder)
class FunderAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name", "kind", "position"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]


@admin.register(Competition)
class CompetitionAdmin(admin.ModelAdmin):
    list_display = ["title", "funder", "applications_open_on", "applications_close_on"]
    list_filter = ["funder", "is_demo"]
    search_fields = ["title"]
    filter_horizontal = ["directions"]
    date_hierarchy = "applications_close_on"


class TaskInline(admin.TabularInline):
    model = ApplicationTask
    extra = 0


class TeamInline(admin.TabularInline):
    model = TeamMember
    extra = 0


class BudgetInline(admin.TabularInline):
    model = BudgetItem
    extra = 0


class PlanInline(admin.TabularInline):
    model = PlanEvent
    extra = 0


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "funder", "status", "fund_number", "submitted_on"]
    list_filter = ["status", "source", "funder", "is_demo"]
    search_fields = ["title", "fund_number", "organization__full_name", "organization__inn"]
    raw_id_fields = ["organization", "project", "competition", "created_by", "updated_by"]
    filter_horizontal = ["municipalities"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [TaskInline, TeamInline, BudgetInline, PlanInline]


@admin.register(ApplicationVersion)
class ApplicationVersionAdmin(admin.ModelAdmin):
    list_display = ["application", "number", "created_by", "created_at", "note"]
    raw_id_fields = ["application", "created_by"]
    readonly_fields = ["snapshot"]


@admin.register(ApplicationExport)
class ApplicationExportAdmin(admin.ModelAdmin):
    list_display = ["application", "version", "format", "status", "progress", "created_at"]
    list_filter = ["status", "format"]
    raw_id_fields = ["application", "requested_by"]
    readonly_fields = ["created_at", "finished_at", "error"]


@admin.register(CompetitionFollow)
class CompetitionFollowAdmin(admin.ModelAdmin):
    list_display = ["competition", "user", "created_at"]
    raw_id_fields = ["competition", "user"]


@admin.register(RegionComparison)
class RegionComparisonAdmin(admin.ModelAdmin):
    list_display = ["region", "funder", "year_from", "year_to", "applications", "winners"]
    list_filter = ["funder"]
