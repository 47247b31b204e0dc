from django.contrib import admin

from nkohub.reception.models import (
    Appeal,
    AppealAttachment,
    AppealEvent,
    CalendarDay,
    CalendarWarning,
    CalendarYear,
    Reminder,
    Topic,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, not edited here: the reception's services keep the audit and the checks."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CalendarDay)
class CalendarDayAdmin(ReadOnlyAdmin):
    """Operators' overrides of the production calendar: edited on the calendar page (/reception/calendar/),
    which checks them against the base calendar, audits them and offers the review of due dates."""

    list_display = ("day", "kind", "description", "source", "updated_by", "updated_at")
    list_filter = ("kind",)
    date_hierarchy = "day"
    search_fields = ("description", "source")
    list_select_related = ("updated_by",)


@admin.register(CalendarWarning)
class CalendarWarningAdmin(ReadOnlyAdmin):
    list_display = ("year", "sent_at")


@admin.register(CalendarYear)
class CalendarYearAdmin(ReadOnlyAdmin):
    list_display = ("year", "decree", "confirmed_by", "confirmed_at")
    list_select_related = ("confirmed_by",)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "authority", "responsible", "is_active", "position")
    list_filter = ("is_active", "authority")
    search_fields = ("name", "authority__full_name")
    autocomplete_fields = ("responsible",)
    list_select_related = ("authority", "responsible")


class AttachmentInline(admin.TabularInline):
    model = AppealAttachment
    extra = 0
    readonly_fields = ("role", "file", "name", "size", "uploaded_by", "created_at")
    can_delete = False


class EventInline(admin.TabularInline):
    model = AppealEvent
    extra = 0
    readonly_fields = (
        "created_at",
        "kind",
        "actor",
        "status_before",
        "status_after",
        "text",
        "data",
    )
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin):
    """Read-only: appeals change only through the reception's services, which keep the history."""

    list_display = ("__str__", "authority", "status", "submitted_at", "answer_due", "answered_on")
    list_filter = ("status", "kind", "authority")
    search_fields = ("subject", "registration_number", "text")
    list_select_related = ("authority",)
    inlines = (AttachmentInline, EventInline)
    date_hierarchy = "submitted_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ("appeal", "kind", "due", "sent_at")
    list_filter = ("kind",)
    list_select_related = ("appeal",)
