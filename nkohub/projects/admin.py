from typing import Any

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from nkohub.core.images import strip_metadata, validate_image
from nkohub.projects.models import (
    COVER_MAX_BYTES,
    COVER_MIN_SIZE,
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
from nkohub.projects.services import project_cover_replace


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


class ProjectAdminForm(forms.ModelForm):
    def clean_cover(self) -> Any:
        cover = self.cleaned_data.get("cover")
        if isinstance(cover, UploadedFile):
            validate_image(cover, max_bytes=COVER_MAX_BYTES, min_size=COVER_MIN_SIZE)
            return strip_metadata(cover)  # stored without EXIF (GPS) and other metadata
        return cover


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    form = ProjectAdminForm
    readonly_fields = ["cover_preview"]
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

    @admin.display(description=_("cover thumbnail"))
    def cover_preview(self, obj: Project) -> str:
        if not obj.cover_src:
            return "—"
        return format_html('<img src="{}" alt="" width="320" height="180">', obj.cover_src)

    def save_model(self, request: HttpRequest, obj: Project, form: Any, change: bool) -> None:
        # as through the project's form: a new cover gets its thumbnail, the old files go
        if "cover" in form.changed_data:
            previous = Project.objects.filter(pk=obj.pk).first() if change else None
            project_cover_replace(
                project=obj, cover=form.cleaned_data["cover"] or None, previous=previous
            )
        super().save_model(request, obj, form, change)


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
