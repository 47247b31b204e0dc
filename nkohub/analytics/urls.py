from django.urls import path

from nkohub.analytics import views

app_name = "analytics"

urlpatterns = [
    path("", views.dashboard_page, name="dashboard"),
    path("blocks/<slug:key>.csv", views.block_csv, name="block_csv"),
    path("figures/", views.figures_page, name="figures"),
    path("public-blocks/", views.public_blocks, name="public_blocks"),
    path("reports/", views.reports, name="reports"),
    path("reports/<int:pk>/", views.report_page, name="report"),
    path("reports/<int:pk>/file.<str:extension>", views.report_file, name="report_file"),
]
