from django.contrib import admin

from nkohub.volunteering.models import (
    Alliance,
    Coalition,
    CoalitionAnnouncement,
    CoalitionMember,
    Internship,
    InternshipRequest,
    Skill,
    VolunteerCall,
    VolunteerProfile,
    VolunteerResponse,
)


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class ResponseInline(admin.TabularInline):
    model = VolunteerResponse
    extra = 0
    fields = ["user", "status", "hours", "hours_status"]
    readonly_fields = ["user"]
    show_change_link = True


@admin.register(VolunteerCall)
class VolunteerCallAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organization",
        "starts_at",
        "municipality",
        "places",
        "places_taken",
        "status",
    ]
    list_filter = ["status", "is_online", "is_demo", "skills", "municipality"]
    search_fields = ["title", "description", "organization__short_name"]
    raw_id_fields = ["organization", "created_by"]
    filter_horizontal = ["skills"]
    readonly_fields = ["places_taken", "created_at", "updated_at"]
    date_hierarchy = "starts_at"
    inlines = [ResponseInline]


@admin.register(VolunteerResponse)
class VolunteerResponseAdmin(admin.ModelAdmin):
    list_display = ["user", "call", "status", "hours", "hours_status", "created_at"]
    list_filter = ["status", "hours_status"]
    search_fields = ["user__email", "user__full_name", "call__title"]
    raw_id_fields = ["call", "user"]
    readonly_fields = ["created_at", "decided_at", "hours_confirmed_at"]


@admin.register(VolunteerProfile)
class VolunteerProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "record_public", "changed_at"]
    list_filter = ["record_public"]
    search_fields = ["user__email", "user__full_name"]
    raw_id_fields = ["user"]


@admin.register(Alliance)
class AllianceAdmin(admin.ModelAdmin):
    list_display = ["proposer", "partner", "status", "created_at", "decided_at"]
    list_filter = ["status", "is_demo"]
    search_fields = ["proposer__short_name", "partner__short_name"]
    raw_id_fields = ["proposer", "partner", "created_by"]


class CoalitionMemberInline(admin.TabularInline):
    model = CoalitionMember
    extra = 0
    raw_id_fields = ["organization"]


@admin.register(Coalition)
class CoalitionAdmin(admin.ModelAdmin):
    list_display = ["title", "founder", "created_at"]
    list_filter = ["is_demo"]
    search_fields = ["title", "description"]
    raw_id_fields = ["founder", "created_by"]
    inlines = [CoalitionMemberInline]


@admin.register(CoalitionMember)
class CoalitionMemberAdmin(admin.ModelAdmin):
    list_display = ["organization", "coalition", "status", "joined_at"]
    list_filter = ["status"]
    raw_id_fields = ["organization", "coalition"]


@admin.register(CoalitionAnnouncement)
class CoalitionAnnouncementAdmin(admin.ModelAdmin):
    list_display = ["__str__", "coalition", "organization", "created_at"]
    search_fields = ["text"]
    raw_id_fields = ["coalition", "organization", "author"]


class InternshipRequestInline(admin.TabularInline):
    model = InternshipRequest
    extra = 0
    raw_id_fields = ["user", "organization"]


@admin.register(Internship)
class InternshipAdmin(admin.ModelAdmin):
    list_display = ["topic", "host", "starts_on", "ends_on", "places", "places_taken"]
    list_filter = ["is_demo"]
    search_fields = ["topic", "description", "host__short_name"]
    raw_id_fields = ["host", "created_by"]
    readonly_fields = ["places_taken"]
    inlines = [InternshipRequestInline]


@admin.register(InternshipRequest)
class InternshipRequestAdmin(admin.ModelAdmin):
    list_display = ["user", "internship", "organization", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["internship", "user", "organization"]
