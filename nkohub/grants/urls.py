from django.urls import path, register_converter

from nkohub.grants import views


class ExportFormat:
    regex = "docx|pdf"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ExportFormat, "export")

app_name = "grants"

urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("calendar.ics", views.calendar_ics, name="calendar_ics"),
    path("competitions/new/", views.competition_edit, name="competition_create"),
    path("competitions/<int:pk>/", views.competition_detail, name="competition"),
    path("competitions/<int:pk>/edit/", views.competition_edit, name="competition_edit"),
    path("competitions/<int:pk>/follow/", views.competition_follow, name="competition_follow"),
    path("competitions/<int:pk>/apply/", views.application_start, name="application_start"),
    path("applications/", views.my_applications, name="applications"),
    path("applications/<int:pk>/", views.application_detail, name="application"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/check/", views.application_check, name="application_check"),
    path(
        "applications/<int:pk>/versions/",
        views.application_versions,
        name="application_versions",
    ),
    path(
        "applications/<int:pk>/versions/<int:number>/restore/",
        views.application_restore,
        name="application_restore",
    ),
    path("applications/<int:pk>/status/", views.application_status, name="application_status"),
    path(
        "applications/<int:pk>/export.<export:extension>",
        views.application_export,
        name="application_export",
    ),
    path(
        "applications/<int:pk>/exports/<int:export_pk>/",
        views.application_export_status,
        name="application_export_status",
    ),
    path(
        "applications/<int:pk>/exports/<int:export_pk>/file/",
        views.application_export_file,
        name="application_export_file",
    ),
    path("statistics/", views.statistics, name="statistics"),
    path(
        "statistics/organizations/<int:pk>/",
        views.organization_statistics,
        name="organization_statistics",
    ),
    path("statistics/comparisons/new/", views.comparison_create, name="comparison_create"),
    path(
        "statistics/comparisons/<int:pk>/delete/",
        views.comparison_delete,
        name="comparison_delete",
    ),
    path("import/", views.card_import, name="card_import"),
]
