from django.contrib import admin

from nkohub.events.models import CalendarFeed, Event, EventQuestion, Feedback, Registration


class QuestionInline(admin.TabularInline):
    model = EventQuestion
    extra = 0


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("title", "kind", "organizer", "starts_at", "capacity", "seats_taken", "status")
    list_filter = ("kind", "status", "audience", "is_online")
    search_fields = ("title", "organizer__short_name", "organizer__full_name")
    raw_id_fields = ("organizer", "municipality", "created_by")
    readonly_fields = ("seats_taken", "uid", "sequence")
    date_hierarchy = "starts_at"
    inlines = [QuestionInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("event", "user", "status", "registered_at", "attended_at")
    list_filter = ("status",)
    search_fields = ("event__title", "user__email", "user__full_name")
    raw_id_fields = ("event", "user", "organization")
    readonly_fields = ("checkin_code",)


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ("registration", "rating", "created_at")
    list_filter = ("rating",)
    raw_id_fields = ("registration",)


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    list_display = ("user", "created_at")
    raw_id_fields = ("user",)
    exclude = ("token",)
