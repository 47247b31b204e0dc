from django.contrib import admin
from django.http import HttpRequest

from nkohub.ideas.models import Idea, IdeaComment, IdeaEvent, IdeaSupport


class IdeaEventInline(admin.TabularInline):
    model = IdeaEvent
    extra = 0
    fields = ("created_at", "kind", "status_before", "status_after", "actor", "text")
    readonly_fields = ("created_at", "kind", "status_before", "status_after", "actor", "text")
    can_delete = False


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "supports_count", "municipality", "sphere", "addressee"]
    list_filter = ["status", "sphere", "municipality"]
    search_fields = ["title", "problem", "proposal"]
    raw_id_fields = ["author", "addressee", "appeal"]
    # The counter and the appeal are kept by the services: shown, never typed in.
    readonly_fields = ["supports_count", "appeal", "created_at", "updated_at"]
    inlines = [IdeaEventInline]


@admin.register(IdeaSupport)
class IdeaSupportAdmin(admin.ModelAdmin):
    list_display = ["idea", "user", "created_at"]
    raw_id_fields = ["idea", "user"]
    readonly_fields = ["idea", "user", "created_at"]

    def has_add_permission(
        self, request: HttpRequest
    ) -> bool:  # supports come only through the site
        return False


@admin.register(IdeaComment)
class IdeaCommentAdmin(admin.ModelAdmin):
    list_display = ["idea", "author", "created_at", "hidden_at"]
    list_filter = ["hidden_at"]
    search_fields = ["text"]
    raw_id_fields = ["idea", "author", "hidden_by"]


@admin.register(IdeaEvent)
class IdeaEventAdmin(admin.ModelAdmin):
    list_display = ["idea", "kind", "status_after", "created_at"]
    list_filter = ["kind"]
    raw_id_fields = ["idea", "actor"]
