from django.urls import path

from nkohub.projects import views

app_name = "projects"

urlpatterns = [
    path("", views.fair, name="fair"),
    path("my/", views.my_projects, name="my_projects"),
    path("projects/new/", views.project_create, name="create"),
    path("projects/<int:pk>/", views.project_detail, name="detail"),
    path("projects/<int:pk>/edit/", views.project_edit, name="edit"),
    path("projects/<int:pk>/manage/", views.project_manage, name="manage"),
    path(
        "projects/<int:pk>/<str:part>/<int:part_pk>/delete/", views.part_delete, name="part_delete"
    ),
    path("projects/<int:pk>/status/", views.project_status, name="status"),
    path("projects/<int:pk>/results/", views.project_results, name="results"),
    path("projects/<int:pk>/submit/", views.project_submit, name="submit"),
    path("projects/<int:pk>/pledge/", views.pledge_create, name="pledge"),
    path("entries/<int:pk>/withdraw/", views.entry_withdraw, name="entry_withdraw"),
    path("entries/<int:pk>/decide/", views.entry_decide, name="entry_decide"),
    path("moderation/", views.moderation, name="moderation"),
    path("seasons/", views.seasons, name="seasons"),
    path("seasons/<int:pk>/", views.seasons, name="season_edit"),
    path(
        "pledges/<int:pk>/accept/", views.pledge_answer, {"answer": "accept"}, name="pledge_accept"
    ),
    path(
        "pledges/<int:pk>/decline/",
        views.pledge_answer,
        {"answer": "decline"},
        name="pledge_decline",
    ),
    path(
        "pledges/<int:pk>/withdraw/",
        views.pledge_answer,
        {"answer": "withdraw"},
        name="pledge_withdraw",
    ),
    path("partnerships/<int:pk>/fulfilment/", views.fulfilment_create, name="fulfilment"),
    path("partnerships/<int:pk>/end/", views.partnership_end, name="partnership_end"),
    path("sponsor/", views.sponsor_home, name="sponsor_home"),
    path("sponsor/<int:org_pk>/", views.sponsor, name="sponsor"),
    path("sponsor/<int:org_pk>/report/", views.sponsor_report, name="sponsor_report"),
]
