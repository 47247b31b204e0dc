from django.urls import path

from nkohub.events import views

app_name = "events"

urlpatterns = [
    path("", views.index, name="index"),
    path("my/", views.mine, name="mine"),
    path("my/feed/reset/", views.feed_reset, name="feed_reset"),
    path("new/", views.event_create, name="create"),
    path("feedback/", views.feedback_overview, name="feedback_overview"),
    path("feed/<str:token>.ics", views.person_feed, name="person_feed"),
    path("organisations/<int:pk>.ics", views.organization_feed, name="organization_feed"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/event.ics", views.event_ics, name="ics"),
    path("<int:pk>/register/", views.register, name="register"),
    path("<int:pk>/cancel-registration/", views.registration_cancel, name="registration_cancel"),
    path("<int:pk>/my-code.svg", views.registration_qr, name="qr"),
    path("<int:pk>/feedback/", views.feedback, name="feedback"),
    path("<int:pk>/edit/", views.event_edit, name="edit"),
    path("<int:pk>/manage/", views.manage, name="manage"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/checkin/", views.checkin, name="checkin"),
    path("<int:pk>/questions/", views.question_add, name="question_add"),
    path("<int:pk>/close/", views.event_close, name="close"),
    path("<int:pk>/reopen/", views.event_reopen, name="reopen"),
    path("<int:pk>/move/", views.event_move, name="move"),
    path("<int:pk>/cancel/", views.event_cancel, name="cancel"),
]
