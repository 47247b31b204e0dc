from django.urls import path

from nkohub.volunteering import views

app_name = "volunteering"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.call_create, name="call_create"),
    path("my/", views.mine, name="mine"),
    path("people/<int:user_pk>/", views.record, name="record"),
    path("<int:pk>/", views.call_detail, name="call"),
    path("<int:pk>/edit/", views.call_edit, name="call_edit"),
    path("<int:pk>/cancel/", views.call_cancel, name="call_cancel"),
    path("<int:pk>/respond/", views.respond, name="respond"),
    path("<int:pk>/responses/<int:response_pk>/decide/", views.decide, name="decide"),
    path("<int:pk>/responses/<int:response_pk>/hours/", views.hours_record, name="hours_record"),
    path(
        "<int:pk>/responses/<int:response_pk>/confirm/", views.hours_confirm, name="hours_confirm"
    ),
    path(
        "<int:pk>/responses/<int:response_pk>/dispute/", views.hours_dispute, name="hours_dispute"
    ),
    path(
        "partners/<int:organization_pk>/propose/", views.alliance_propose, name="alliance_propose"
    ),
    path("partners/<int:pk>/answer/", views.alliance_answer, name="alliance_answer"),
    path("partners/<int:pk>/end/", views.alliance_end, name="alliance_end"),
    path("coalitions/", views.coalitions, name="coalitions"),
    path("coalitions/new/", views.coalition_create, name="coalition_create"),
    path("coalitions/<int:pk>/", views.coalition_detail, name="coalition"),
    path("coalitions/<int:pk>/invite/", views.coalition_invite, name="coalition_invite"),
    path(
        "coalitions/<int:pk>/members/<int:member_pk>/answer/",
        views.coalition_answer,
        name="coalition_answer",
    ),
    path("coalitions/<int:pk>/announce/", views.announcement_create, name="announce"),
    path("internships/", views.internships, name="internships"),
    path("internships/new/", views.internship_create, name="internship_create"),
    path("internships/<int:pk>/", views.internship_detail, name="internship"),
    path("internships/<int:pk>/request/", views.internship_request, name="internship_request"),
    path(
        "internships/<int:pk>/requests/<int:request_pk>/decide/",
        views.internship_decide,
        name="internship_decide",
    ),
]
