from django.urls import path

from nkohub.competitions import views

app_name = "competitions"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.call_edit, name="call_create"),
    path("<int:pk>/", views.call_detail, name="call"),
    path("<int:pk>/edit/", views.call_edit, name="call_edit"),
    path("<int:pk>/criteria/", views.call_parts, name="call_parts"),
    path("<int:pk>/fund-criteria/", views.call_fund_criteria, name="call_fund_criteria"),
    path("<int:pk>/publish/", views.call_publish, name="call_publish"),
    path("<int:pk>/review/", views.call_start_review, name="call_start_review"),
    path("<int:pk>/publish-results/", views.call_publish_results, name="call_publish_results"),
    path("<int:pk>/results/", views.results, name="results"),
    path("<int:pk>/results.csv", views.results_csv, name="results_csv"),
    path("<int:pk>/results.json", views.results_json, name="results_json"),
    path("submit/<int:application_pk>/", views.submit, name="submit"),
    path("submissions/", views.my_submissions, name="my_submissions"),
    path("submissions/<int:pk>/", views.submission_detail, name="submission"),
    path("submissions/<int:pk>/withdraw/", views.submission_withdraw, name="withdraw"),
    path("submissions/<int:pk>/assign/", views.assign, name="assign"),
    path("submissions/<int:pk>/decide/", views.decide, name="decide"),
    path("submissions/<int:pk>/answer/", views.answer, name="answer"),
    path(
        "submissions/<int:pk>/documents/<int:doc_pk>/",
        views.submission_document,
        name="submission_document",
    ),
    path("desk/", views.desk, name="desk"),
    path("desk/export.<str:extension>", views.desk_export, name="desk_export"),
    path("desk/bulk/", views.desk_bulk, name="desk_bulk"),
    path("reviews/", views.my_reviews, name="reviews"),
    path("reviews/<int:pk>/", views.review, name="review"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("reports/<int:pk>/files/<int:file_pk>/", views.report_file, name="report_file"),
]
