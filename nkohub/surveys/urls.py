from django.urls import path

from nkohub.surveys.views import answering, manage, results, zones

app_name = "surveys"

urlpatterns = [
    path("", answering.index, name="index"),
    path("zones/", zones.zones, name="zones"),
    path("zones/<int:pk>/edit/", zones.zone_edit, name="zone_edit"),
    path("manage/", manage.manage, name="manage"),
    path("manage/new/", manage.create, name="create"),
    path("manage/template/", manage.from_template, name="from_template"),
    path("<int:pk>/", answering.survey_detail, name="survey"),
    path("<int:pk>/answer/", answering.answer, name="answer"),
    path("<int:pk>/answer/<int:org_pk>/", answering.answer, name="answer_for"),
    path("<int:pk>/results/", results.results, name="results"),
    path("<int:pk>/results/crosstab/", results.crosstab, name="crosstab"),
    path("<int:pk>/results/texts/<int:question_pk>/", results.texts, name="texts"),
    path("<int:pk>/results/export.xlsx", results.export, name="export"),
    path("<int:pk>/edit/", manage.edit, name="edit"),
    path("<int:pk>/status/", manage.set_status, name="status"),
    path("<int:pk>/remind/", manage.remind, name="remind"),
    path("<int:pk>/questions/new/", manage.question_edit, name="question_add"),
    path("<int:pk>/questions/<int:question_pk>/", manage.question_edit, name="question_edit"),
    path(
        "<int:pk>/questions/<int:question_pk>/delete/",
        manage.question_delete,
        name="question_delete",
    ),
]
