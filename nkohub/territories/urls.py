from django.urls import path

from nkohub.territories import views

app_name = "territories"

urlpatterns = [path("", views.municipality_list, name="municipalities")]
