from django.contrib import admin

from nkohub.competitions.models import (
    Agreement,
    Assignment,
    Call,
    CallQuestion,
    Criterion,
    InfoRequest,
    Milestone,
    Report,
    ReportIndicator,
    ReportSpending,
    RequiredDocument,
    Score,
    Submission,
)


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


class RequiredDocumentInline(admin.TabularInline):
    model = RequiredDocument
    extra = 0


class CallQuestionInline(admin.TabularInline):
    model = CallQuestion
    extra = 0


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organization",
        "status",
        "applications_open_on",
        "applications_close_on",
    ]
    list_filter = ["status", "is_demo"]
    search_fields = ["title", "organization__full_name"]
    raw_id_fields = ["organization", "competition", "created_by"]
    filter_horizontal = ["directions"]
    inlines = [CriterionInline, RequiredDocumentInline, CallQuestionInline]


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    raw_id_fields = ["expert", "assigned_by"]
    readonly_fields = ["total", "submitted_at"]


class InfoRequestInline(admin.TabularInline):
    model = InfoRequest
    extra = 0
    raw_id_fields = ["asked_by", "answered_by"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = [
        "number",
        "title",
        "call",
        "organization",
        "status",
        "score_mean",
        "awarded_amount",
    ]
    list_filter = ["status", "call", "needs_third_review"]
    search_fields = ["title", "organization__full_name"]
    list_select_related = ["call", "organization"]
    raw_id_fields = [
        "call",
        "application",
        "version",
        "organization",
        "direction",
        "submitted_by",
        "decided_by",
    ]
    readonly_fields = ["reviews_done", "score_mean", "score_spread", "needs_third_review"]
    inlines = [AssignmentInline, InfoRequestInline]


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["submission", "expert", "status", "total"]
    list_filter = ["status"]
    raw_id_fields = ["submission", "expert", "assigned_by"]
    inlines = [ScoreInline]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["submission", "amount", "starts_on", "ends_on"]
    raw_id_fields = ["submission"]
    inlines = [MilestoneInline]


class IndicatorInline(admin.TabularInline):
    model = ReportIndicator
    extra = 0
    raw_id_fields = ["planned_result"]


class SpendingInline(admin.TabularInline):
    model = ReportSpending
    extra = 0


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["agreement", "kind", "due_on", "status"]
    list_filter = ["kind", "status"]
    raw_id_fields = ["agreement", "submitted_by", "reviewed_by"]
    inlines = [IndicatorInline, SpendingInline]
