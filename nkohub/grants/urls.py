from django.urls import path

app_name = "grants"

urlpatterns: list = []
