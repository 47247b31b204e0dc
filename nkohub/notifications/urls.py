from django.urls import path

from nkohub.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("badge/", views.badge, name="badge"),
    path("read-all/", views.mark_all_read, name="mark_all_read"),
    path("<int:pk>/read/", views.mark_read, name="mark_read"),
    path("<int:pk>/unread/", views.mark_unread, name="mark_unread"),
    path("<int:pk>/open/", views.open_notification, name="open"),
    path("settings/", views.preferences, name="preferences"),
    path("settings/test/", views.send_test, name="send_test"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("operations/", views.operations, name="operations"),
    path("operations/tasks/<int:pk>/", views.task_failure_action, name="task_failure_action"),
    path("operations/emails/<int:pk>/retry/", views.delivery_retry, name="delivery_retry"),
]
