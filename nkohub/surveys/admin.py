from django.contrib import admin
from django.http import HttpRequest

from nkohub.surveys.models import Actor, Option, ProblemZone, Question, Response, Survey, Tool


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ("position", "kind", "text", "required", "section", "show_if_option")
    raw_id_fields = ("show_if_option",)
    show_change_link = True


class OptionInline(admin.TabularInline):
    model = Option
    extra = 0
    fields = ("role", "position", "label", "zone")


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ["title", "purpose", "audience", "status", "opens_on", "closes_on"]
    list_filter = ["status", "purpose", "audience"]
    search_fields = ["title"]
    raw_id_fields = ["created_by"]
    filter_horizontal = ["addressed_organizations"]
    inlines = [QuestionInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "survey", "kind", "position", "required"]
    list_filter = ["kind"]
    search_fields = ["text"]
    raw_id_fields = ["survey", "show_if_option"]
    inlines = [OptionInline]


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["survey", "organization", "status", "submitted_at"]
    list_filter = ["status", "survey"]
    raw_id_fields = ["survey", "organization", "respondent"]
    readonly_fields = ["survey", "organization", "respondent", "status", "submitted_at"]

    def has_add_permission(
        self, request: HttpRequest
    ) -> bool:  # answers come only through the site
        return False


@admin.register(ProblemZone)
class ProblemZoneAdmin(admin.ModelAdmin):
    list_display = ["title", "code", "position"]
    filter_horizontal = ["actors", "tools"]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["title", "code", "position"]


@admin.register(Tool)
class ToolAdmin(admin.ModelAdmin):
    list_display = ["title", "code", "url_name", "position"]
