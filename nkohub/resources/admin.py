from django.contrib import admin
from django.http import HttpRequest

from nkohub.resources.models import (
    AvailabilityException,
    AvailabilityRule,
    Booking,
    Match,
    OfferPhoto,
    ResourceOffer,
    ResourceRequest,
    Review,
)


class AvailabilityRuleInline(admin.TabularInline):
    model = AvailabilityRule
    extra = 0


class AvailabilityExceptionInline(admin.TabularInline):
    model = AvailabilityException
    extra = 0


class OfferPhotoInline(admin.TabularInline):
    model = OfferPhoto
    extra = 0
    readonly_fields = ["uploaded_by", "created_at"]


@admin.register(ResourceOffer)
class ResourceOfferAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "category",
        "organization",
        "municipality",
        "terms",
        "status",
        "published_at",
    ]
    list_filter = ["status", "category", "terms", "is_demo"]
    search_fields = ["title", "description", "organization__full_name", "organization__short_name"]
    list_select_related = ["organization", "municipality"]
    autocomplete_fields = ["organization", "created_by"]
    raw_id_fields = ["municipality"]
    readonly_fields = ["published_at", "created_at", "updated_at"]
    inlines = [AvailabilityRuleInline, AvailabilityExceptionInline, OfferPhotoInline]


@admin.register(ResourceRequest)
class ResourceRequestAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "category",
        "organization",
        "municipality",
        "needed_from",
        "needed_until",
        "status",
    ]
    list_filter = ["status", "category", "is_demo"]
    search_fields = ["title", "purpose", "organization__full_name", "organization__short_name"]
    list_select_related = ["organization", "municipality"]
    autocomplete_fields = ["organization", "created_by"]
    raw_id_fields = ["municipality"]
    date_hierarchy = "needed_from"


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["offer", "organization", "starts_at", "ends_at", "status"]
    list_filter = ["status", "is_demo"]
    search_fields = ["offer__title", "organization__full_name", "requested_by__email"]
    list_select_related = ["offer", "organization"]
    raw_id_fields = [
        "offer",
        "organization",
        "request",
        "requested_by",
        "decided_by",
        "cancelled_by",
    ]
    date_hierarchy = "starts_at"

    def has_change_permission(self, request: HttpRequest, obj: Booking | None = None) -> bool:
        # Status changes go through the services (notifications, the overlap rule); the admin only reads.
        return False


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ["offer", "request", "score", "notified_at", "updated_at"]
    list_select_related = ["offer", "request"]
    raw_id_fields = ["offer", "request"]
    list_filter = [("notified_at", admin.EmptyFieldListFilter)]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["booking", "side", "rating", "author", "created_at"]
    list_filter = ["side", "rating"]
    list_select_related = ["booking__offer", "author"]
    raw_id_fields = ["booking", "author"]
