from django.contrib import admin

from nkohub.api.models import ApiToken, WebhookDelivery, WebhookSubscription


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    list_display = [
        "name",
        "prefix",
        "user",
        "organization",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["revoked_at"]
    search_fields = ["name", "prefix", "user__email", "organization__full_name"]
    readonly_fields = ["prefix", "key_hash", "created_at", "last_used_at", "last_used_from"]
    raw_id_fields = ["user", "organization"]


class DeliveryInline(admin.TabularInline[WebhookDelivery, WebhookSubscription]):
    model = WebhookDelivery
    extra = 0
    fields = ["event", "status", "attempts", "response_status", "error", "created_at"]
    readonly_fields = ["event", "status", "attempts", "response_status", "error", "created_at"]
    can_delete = False
    show_change_link = True


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(admin.ModelAdmin[WebhookSubscription]):
    list_display = ["url", "organization", "is_active", "created_at"]
    list_filter = ["is_active"]
    search_fields = ["url", "organization__full_name"]
    raw_id_fields = ["organization", "created_by"]
    inlines = [DeliveryInline]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin[WebhookDelivery]):
    list_display = ["event", "subscription", "status", "attempts", "response_status", "created_at"]
    list_filter = ["status", "event"]
    readonly_fields = [
        "subscription",
        "event",
        "payload",
        "status",
        "attempts",
        "response_status",
        "error",
        "created_at",
        "last_attempt_at",
        "delivered_at",
    ]
