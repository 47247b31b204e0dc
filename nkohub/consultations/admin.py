from typing import Any

from django.contrib import admin

from nkohub.consultations.models import (
    Article,
    Competence,
    Expert,
    Message,
    Question,
    QuestionFile,
    Slot,
)
from nkohub.consultations.search import article_search_text
from nkohub.core.audit import audit_log


@admin.register(Competence)
class CompetenceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "answer_days", "position", "is_active"]
    list_editable = ["answer_days", "position", "is_active"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    list_display = ["user", "is_active", "created_at"]
    list_filter = ["is_active", "competences", "is_demo"]
    search_fields = ["user__email", "user__full_name"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["competences"]

    def save_model(self, request: Any, obj: Expert, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        audit_log(
            actor=request.user,
            action="consultations.expert.update" if change else "consultations.expert.create",
            obj=obj,
        )


class MessageInline(admin.TabularInline):
    model = Message
    extra = 0
    readonly_fields = ["kind", "author", "text", "created_at"]


class QuestionFileInline(admin.TabularInline):
    model = QuestionFile
    extra = 0
    readonly_fields = ["original_name", "size", "uploaded_by", "created_at"]
    exclude = ["file"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["title", "competence", "organization", "status", "expert", "due_on", "rating"]
    list_filter = ["status", "visibility", "competence", "is_demo"]
    search_fields = ["title", "text", "organization__full_name"]
    raw_id_fields = ["organization", "asked_by", "expert"]
    readonly_fields = ["created_at", "updated_at", "taken_at", "answered_at", "escalated_at"]
    inlines = [MessageInline, QuestionFileInline]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "competence", "status", "published_at"]
    list_filter = ["status", "competence", "is_demo"]
    search_fields = ["title", "question_text", "body"]
    raw_id_fields = ["question", "edited_by"]
    readonly_fields = ["created_at", "updated_at"]

    def save_model(self, request: Any, obj: Article, form: Any, change: bool) -> None:
        obj.search_text = article_search_text(obj.title, obj.question_text, obj.body)
        obj.edited_by = request.user
        super().save_model(request, obj, form, change)
        audit_log(
            actor=request.user,
            action="consultations.article.update" if change else "consultations.article.create",
            obj=obj,
        )


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ["expert", "starts_at", "ends_at", "status", "booked_by", "organization"]
    list_filter = ["status", "competence", "is_demo"]
    raw_id_fields = ["expert", "booked_by", "organization"]
    date_hierarchy = "starts_at"
