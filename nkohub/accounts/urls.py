from django.urls import path

from nkohub.accounts import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/export/", views.export_data, name="export_data"),
    path("privacy/delete/", views.delete_account, name="delete_account"),
    path("policy/", views.privacy_policy, name="privacy_policy"),
    path("consent/", views.consent_text, name="consent_text"),
]
