from django.contrib import admin

from nkohub.learning.models import (
    Answer,
    Attempt,
    Certificate,
    Choice,
    Cohort,
    Course,
    Enrolment,
    Lesson,
    LessonFile,
    LessonProgress,
    Material,
    MaterialTag,
    Module,
    Question,
    Quiz,
    Recording,
    Topic,
)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class CohortInline(admin.TabularInline):
    model = Cohort
    extra = 0
    readonly_fields = ["seats_taken"]


class ModuleInline(admin.TabularInline):
    model = Module
    extra = 0
    show_change_link = True


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "topic", "format", "status", "hours", "published_at"]
    list_filter = ["status", "format", "topic", "is_demo"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["authors"]
    readonly_fields = ["created_by", "created_at", "published_at", "updated_at"]
    inlines = [CohortInline, ModuleInline]


class LessonInline(admin.TabularInline):
    model = Lesson
    extra = 0
    fields = ["title", "kind", "position", "minutes", "archived_at"]
    show_change_link = True


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "position"]
    list_select_related = ["course"]
    search_fields = ["title", "course__title"]
    inlines = [LessonInline]


class LessonFileInline(admin.TabularInline):
    model = LessonFile
    extra = 0


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "kind", "position", "archived_at"]
    list_filter = ["kind"]
    list_select_related = ["module__course"]
    search_fields = ["title", "module__course__title"]
    raw_id_fields = ["recording"]
    filter_horizontal = ["materials"]
    inlines = [LessonFileInline]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "quiz", "kind", "position"]
    list_select_related = ["quiz__lesson"]
    inlines = [ChoiceInline]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0
    fields = ["text", "kind", "position"]
    show_change_link = True


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["__str__", "pass_mark", "max_attempts"]
    list_select_related = ["lesson"]
    inlines = [QuestionInline]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    readonly_fields = ["question", "choices", "text", "is_correct"]
    can_delete = False


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["quiz", "user", "number", "score", "passed", "submitted_at"]
    list_filter = ["passed"]
    list_select_related = ["quiz__lesson", "user"]
    readonly_fields = ["quiz", "user", "token", "number", "score", "passed", "submitted_at"]
    inlines = [AnswerInline]


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ["user", "course", "cohort", "enrolled_at", "completed_at", "shares_progress"]
    list_filter = ["shares_progress", "course"]
    list_select_related = ["user", "course", "cohort"]
    search_fields = ["user__email", "user__full_name", "course__title"]
    raw_id_fields = ["user", "last_lesson", "shared_with"]


@admin.register(LessonProgress)
class LessonProgressAdmin(admin.ModelAdmin):
    list_display = ["enrolment", "lesson", "started_at", "completed_at"]
    list_select_related = ["enrolment__user", "enrolment__course", "lesson"]
    raw_id_fields = ["enrolment", "lesson"]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "full_name", "course_title", "issued_at", "revoked_at"]
    search_fields = ["code", "full_name", "course_title"]
    readonly_fields = ["enrolment", "code", "full_name", "course_title", "hours", "issued_at"]


@admin.register(MaterialTag)
class MaterialTagAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    """Operators correct descriptions, topics and statuses here; a new file is uploaded on the site,
    where it is checked and gets its preview."""

    list_display = ["title", "kind", "file_format", "status", "download_count", "preview_status"]
    list_filter = ["status", "kind", "file_format", "preview_status", "topics", "is_demo"]
    search_fields = ["title", "description", "original_name"]
    filter_horizontal = ["topics", "tags"]
    readonly_fields = [
        "file",
        "original_name",
        "file_format",
        "size",
        "preview_status",
        "download_count",
        "created_by",
        "created_at",
        "published_at",
        "updated_at",
    ]
    exclude = ["preview_image"]


@admin.register(Recording)
class RecordingAdmin(admin.ModelAdmin):
    list_display = ["title", "held_on", "speakers", "minutes", "status"]
    list_filter = ["status", "topic", "is_demo"]
    list_select_related = ["topic"]
    search_fields = ["title", "speakers", "description"]
    raw_id_fields = ["slides"]
    readonly_fields = [
        "video",
        "video_name",
        "video_type",
        "created_by",
        "created_at",
        "published_at",
        "updated_at",
    ]
