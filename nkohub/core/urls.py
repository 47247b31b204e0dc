from django.urls import path

from nkohub.core import metrics, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("cabinet/", views.cabinet, name="cabinet"),
    path("audit/", views.audit_log, name="audit_log"),
    path("healthz/", views.healthz, name="healthz"),
    path("metrics", metrics.metrics_view, name="metrics"),
]
