from django.contrib import admin

from nkohub.analytics.models import DashboardBlock, MediaFigure, SectorReport, Subsidy


@admin.register(Subsidy)
class SubsidyAdmin(admin.ModelAdmin):
    list_display = ["recipient", "inn", "year", "direction", "amount", "source"]
    list_filter = ["year", "direction"]
    search_fields = ["recipient", "inn"]
    readonly_fields = ["entered_by", "created_at"]


@admin.register(MediaFigure)
class MediaFigureAdmin(admin.ModelAdmin):
    list_display = ["year", "month", "rating_place", "publications", "mentions", "source"]
    list_filter = ["year"]
    readonly_fields = ["entered_by", "created_at"]


@admin.register(DashboardBlock)
class DashboardBlockAdmin(admin.ModelAdmin):
    list_display = ["key", "is_public", "changed_by", "changed_at"]
    readonly_fields = ["changed_by", "changed_at"]


@admin.register(SectorReport)
class SectorReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "progress", "requested_by", "created_at"]
    readonly_fields = [
        "status",
        "progress",
        "error",
        "html",
        "pdf",
        "xlsx",
        "requested_by",
        "created_at",
        "finished_at",
    ]
