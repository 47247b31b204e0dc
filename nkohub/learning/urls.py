from django.urls import path

from nkohub.learning import views

app_name = "learning"

urlpatterns = [
    path("", views.index, name="index"),
    path("my/", views.mine, name="mine"),
    path("new/", views.course_create, name="course_create"),
    path("certificates/", views.certificate_lookup, name="certificate_lookup"),
    path("certificates/<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("certificates/<str:code>/pdf/", views.certificate_download, name="certificate_pdf"),
    path("certificates/<str:code>/revoke/", views.certificate_revoke, name="certificate_revoke"),
    path("staff/<int:organization_pk>/", views.staff_progress, name="staff_progress"),
    path("library/", views.library_index, name="library"),
    path("library/new/", views.material_create, name="material_create"),
    path("library/mine/", views.library_mine, name="library_mine"),
    path("library/<int:pk>/", views.material_detail, name="material"),
    path("library/<int:pk>/edit/", views.material_edit, name="material_edit"),
    path("library/<int:pk>/status/", views.material_status, name="material_status"),
    path("library/<int:pk>/download/", views.material_download, name="material_download"),
    path("library/<int:pk>/preview.png", views.material_preview, name="material_preview"),
    path("recordings/", views.recording_index, name="recordings"),
    path("recordings/new/", views.recording_create, name="recording_create"),
    path("recordings/mine/", views.recording_mine, name="recordings_mine"),
    path("recordings/<int:pk>/", views.recording_detail, name="recording"),
    path("recordings/<int:pk>/edit/", views.recording_edit, name="recording_edit"),
    path("recordings/<int:pk>/status/", views.recording_status, name="recording_status"),
    path("recordings/<int:pk>/video/", views.recording_video, name="recording_video"),
    path("<slug:slug>/", views.course_detail, name="course"),
    path("<slug:slug>/enrol/", views.enrol, name="enrol"),
    path("<slug:slug>/sharing/", views.sharing, name="sharing"),
    path("<slug:slug>/continue/", views.continue_course, name="continue"),
    path("<slug:slug>/edit/", views.course_edit, name="course_edit"),
    path("<slug:slug>/manage/", views.course_manage, name="course_manage"),
    path("<slug:slug>/status/", views.course_status, name="course_status"),
    path("<slug:slug>/modules/", views.module_create, name="module_create"),
    path("<slug:slug>/cohorts/", views.cohort_create, name="cohort_create"),
    path(
        "<slug:slug>/modules/<int:module_pk>/lessons/new/",
        views.lesson_create,
        name="lesson_create",
    ),
    path("<slug:slug>/lessons/<int:pk>/", views.lesson_detail, name="lesson"),
    path("<slug:slug>/lessons/<int:pk>/done/", views.lesson_done, name="lesson_done"),
    path("<slug:slug>/lessons/<int:pk>/quiz/", views.quiz_submit, name="quiz_submit"),
    path("<slug:slug>/lessons/<int:pk>/video/", views.lesson_video, name="lesson_video"),
    path(
        "<slug:slug>/lessons/<int:pk>/files/<int:file_pk>/", views.lesson_file, name="lesson_file"
    ),
    path("<slug:slug>/lessons/<int:pk>/edit/", views.lesson_edit, name="lesson_edit"),
    path("<slug:slug>/lessons/<int:pk>/remove/", views.lesson_remove, name="lesson_remove"),
    path("<slug:slug>/lessons/<int:pk>/files/", views.lesson_file_add, name="lesson_file_add"),
    path(
        "<slug:slug>/lessons/<int:pk>/files/<int:file_pk>/delete/",
        views.lesson_file_remove,
        name="lesson_file_remove",
    ),
    path(
        "<slug:slug>/lessons/<int:pk>/materials/",
        views.lesson_material_attach,
        name="lesson_material_attach",
    ),
    path(
        "<slug:slug>/lessons/<int:pk>/materials/<int:material_pk>/detach/",
        views.lesson_material_detach,
        name="lesson_material_detach",
    ),
    path("<slug:slug>/lessons/<int:pk>/quiz/settings/", views.quiz_settings, name="quiz_settings"),
    path("<slug:slug>/lessons/<int:pk>/questions/", views.question_create, name="question_create"),
    path(
        "<slug:slug>/lessons/<int:pk>/questions/<int:question_pk>/delete/",
        views.question_delete,
        name="question_delete",
    ),
]
