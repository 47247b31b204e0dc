from django.urls import path

from nkohub.ideas import views

app_name = "ideas"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.propose, name="propose"),
    path("addressed/", views.addressed, name="addressed"),
    path("<int:pk>/", views.idea_detail, name="idea"),
    path("<int:pk>/support/", views.support, name="support"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/status/", views.set_status, name="status"),
    path("<int:pk>/comments/", views.comment, name="comment"),
    path("<int:pk>/comments/<int:comment_pk>/hide/", views.comment_hide, name="comment_hide"),
]
