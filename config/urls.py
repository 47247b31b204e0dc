"""One root URL file; every app includes its own urls.py here."""

from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path

from nkohub.api import v1 as api_v1

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("nkohub.core.urls")),
    path("accounts/", include("nkohub.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("territories/", include("nkohub.territories.urls")),
    path("organizations/", include("nkohub.organizations.urls")),
    path("notifications/", include("nkohub.notifications.urls")),
    path("resources/", include("nkohub.resources.urls")),
    path("reception/", include("nkohub.reception.urls")),
    path("fair/", include("nkohub.projects.urls")),
    path("grants/", include("nkohub.grants.urls")),
    path("learning/", include("nkohub.learning.urls")),
    path("consultations/", include("nkohub.consultations.urls")),
    path("events/", include("nkohub.events.urls")),
    path("news/", include("nkohub.news.urls")),
    path("ideas/", include("nkohub.ideas.urls")),
    path("volunteers/", include("nkohub.volunteering.urls")),
    path("surveys/", include("nkohub.surveys.urls")),
    path("competitions/", include("nkohub.competitions.urls")),
    path("analytics/", include("nkohub.analytics.urls")),
    path("api/v1/", api_v1.urls()),
    re_path(r"^api/v1/(?P<rest>[\s\S]*)$", api_v1.unknown_path),  # a newline (%0A) too
    path("api/", include("nkohub.api.urls")),
    path("opendata/", include("nkohub.api.opendata_urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler400 = "nkohub.core.views.bad_request"
handler403 = "nkohub.core.views.permission_denied"
handler404 = "nkohub.core.views.page_not_found"
handler500 = "nkohub.core.views.server_error"
