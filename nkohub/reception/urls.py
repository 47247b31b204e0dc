from django.urls import path

from nkohub.reception import views

app_name = "reception"

urlpatterns = [
    path("", views.public, name="public"),
    path("answers/<int:pk>/", views.public_appeal, name="public_appeal"),
    path("authorities/", views.authorities, name="authorities"),
    path("authorities/<int:pk>/", views.authority, name="authority"),
    path("my/", views.my_appeals, name="my_appeals"),
    path("new/", views.appeal_create, name="appeal_create"),
    path("appeals/<int:pk>/", views.appeal_detail, name="appeal"),
    path("appeals/<int:pk>/edit/", views.appeal_edit, name="appeal_edit"),
    path("appeals/<int:pk>/submit/", views.appeal_submit, name="appeal_submit"),
    path("appeals/<int:pk>/files/<int:file_pk>/", views.attachment, name="attachment"),
    path("appeals/<int:pk>/<slug:action>/", views.appeal_action, name="appeal_action"),
    path("desk/", views.desk, name="desk"),
    path("desk/topics/", views.desk_topics, name="desk_topics"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/<int:pk>/delete/", views.calendar_day_delete, name="calendar_day_delete"),
    path("calendar/years/", views.calendar_year_confirm, name="calendar_year_confirm"),
    path(
        "calendar/years/<int:pk>/withdraw/",
        views.calendar_year_withdraw,
        name="calendar_year_withdraw",
    ),
    path("calendar/due-dates/", views.calendar_due_dates, name="calendar_due_dates"),
]
