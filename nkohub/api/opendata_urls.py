from django.urls import path

from nkohub.api.opendata import views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("list.csv", views.registry, name="registry"),
    path("<slug:identifier>/", views.dataset_page, name="dataset"),
    path("<slug:identifier>/<str:name>", views.dataset_file, name="file"),
]
