from django.urls import path

from nkohub.organizations import views

app_name = "organizations"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("export/", views.export, name="export"),
    path("register/", views.register, name="register"),
    path("claims/", views.claims, name="claims"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/review/", views.claim_review, name="claim_review"),
    path("claims/<int:pk>/withdraw/", views.claim_withdraw, name="claim_withdraw"),
    path("claims/<int:pk>/document/", views.claim_document, name="claim_document"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("imports/", views.imports, name="imports"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/verify/", views.verify, name="verify"),
    path("<int:pk>/claim/", views.claim, name="claim"),
    path("<int:pk>/members/", views.members, name="members"),
    path("<int:pk>/members/<int:membership_pk>/role/", views.member_role, name="member_role"),
    path("<int:pk>/members/<int:membership_pk>/remove/", views.member_remove, name="member_remove"),
    path("<int:pk>/leave/", views.leave, name="leave"),
    path(
        "<int:pk>/invitations/<int:invitation_pk>/cancel/",
        views.invitation_cancel,
        name="invitation_cancel",
    ),
]
