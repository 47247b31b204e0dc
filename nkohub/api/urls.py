from django.urls import URLPattern, URLResolver, path

from nkohub.api import views

app_name = "api"

urlpatterns: list[URLPattern | URLResolver] = [
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
    path("webhooks/", views.webhook_list, name="webhooks"),
    path("webhooks/<int:pk>/", views.webhook_detail, name="webhook"),
    path("webhooks/<int:pk>/<slug:action>/", views.webhook_action, name="webhook_action"),
]
