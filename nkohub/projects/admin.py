from django.contrib import admin

from nkohub.projects.models import (
    FairEntry,
    FairSeason,
    Fulfilment,
    Partnership,
    PlannedResult,
    Pledge,
    Project,
    ProjectNeed,
    ProjectTask,
    ResultPhoto,
    SponsorPreferences,
    TeamMember,
)


@admin.register(FairSeason)
class FairSeasonAdmin(admin.ModelAdmin):
    list_display = ["title", "submissions_open_on", "submissions_close_on", "starts_on", "ends_on"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title"]


class ProjectTaskInline(admin.TabularInline):
    model = ProjectTask
    extra = 0


class ProjectNeedInline(admin.TabularInline):
    model = ProjectNeed
    extra = 0


class PlannedResultInline(admin.TabularInline):
    model = PlannedResult
    extra = 0


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    extra = 0
    raw_id_fields = ["user"]


class FairEntryInline(admin.TabularInline):
    model = FairEntry
    extra = 0
    raw_id_fields = ["submitted_by", "decided_by"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "status", "budget_total", "created_at"]
    list_filter = ["status", "is_demo", "spheres"]
    search_fields = ["title", "summary", "organization__full_name"]
    raw_id_fields = ["organization", "created_by"]
    filter_horizontal = ["spheres", "municipalities"]
    inlines = [
        ProjectTaskInline,
        ProjectNeedInline,
        PlannedResultInline,
        TeamMemberInline,
        FairEntryInline,
    ]


@admin.register(FairEntry)
class FairEntryAdmin(admin.ModelAdmin):
    list_display = ["project", "season", "status", "submitted_at", "decided_at"]
    list_filter = ["status", "season"]
    list_select_related = ["project", "season"]
    raw_id_fields = ["project", "submitted_by", "decided_by"]


class FulfilmentInline(admin.TabularInline):
    model = Fulfilment
    extra = 0
    raw_id_fields = ["recorded_by"]


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = [
        "project",
        "kind",
        "amount",
        "organization",
        "pledged_by",
        "status",
        "created_at",
    ]
    list_filter = ["status", "kind"]
    list_select_related = ["project", "organization", "pledged_by"]
    raw_id_fields = ["project", "need", "organization", "pledged_by", "decided_by"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["pledge", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["pledge"]
    inlines = [FulfilmentInline]


@admin.register(ResultPhoto)
class ResultPhotoAdmin(admin.ModelAdmin):
    list_display = ["project", "caption", "created_at"]
    raw_id_fields = ["project", "uploaded_by"]


@admin.register(SponsorPreferences)
class SponsorPreferencesAdmin(admin.ModelAdmin):
    list_display = ["organization", "updated_at"]
    raw_id_fields = ["organization"]
    filter_horizontal = ["spheres", "municipalities"]
