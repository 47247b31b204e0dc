from django.contrib import admin

from nkohub.news.models import Mention, NewsItem, NewsPhoto, Pickup


class NewsPhotoInline(admin.TabularInline):
    model = NewsPhoto
    extra = 0
    fields = ["image", "caption", "position"]


class PickupInline(admin.TabularInline):
    model = Pickup
    extra = 0
    fields = ["outlet", "status", "publication_url", "published_on", "taken_at"]
    raw_id_fields = ["outlet"]


@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):
    list_display = ["title", "organization", "status", "published_at", "created_at"]
    list_filter = ["status", "is_demo"]
    search_fields = ["title", "organization__short_name", "organization__full_name"]
    raw_id_fields = ["organization", "project", "author", "moderated_by"]
    readonly_fields = ["created_at", "updated_at", "moderated_at"]
    date_hierarchy = "created_at"
    inlines = [NewsPhotoInline, PickupInline]


@admin.register(Pickup)
class PickupAdmin(admin.ModelAdmin):
    list_display = ["news", "outlet", "status", "published_on", "taken_at"]
    list_filter = ["status"]
    search_fields = ["news__title", "outlet__short_name", "publication_url"]
    raw_id_fields = ["news", "outlet", "taken_by", "marked_by"]


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["outlet", "organization", "published_on", "url"]
    list_filter = ["is_demo"]
    search_fields = ["outlet", "url", "title", "organization__inn", "organization__short_name"]
    raw_id_fields = ["organization", "added_by"]
    date_hierarchy = "published_on"
