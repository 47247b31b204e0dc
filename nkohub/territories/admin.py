from django.contrib import admin

from nkohub.territories.models import Municipality, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "region", "oktmo", "administrative_centre")
    list_filter = ("region", "kind")
    search_fields = ("name", "oktmo", "administrative_centre")
