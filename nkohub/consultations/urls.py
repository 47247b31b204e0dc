from django.urls import path

from nkohub.consultations import views

app_name = "consultations"

urlpatterns = [
    path("", views.index, name="index"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("articles/<int:pk>/edit/", views.article_edit, name="article_edit"),
    path("ask/", views.ask, name="ask"),
    path("ask/similar/", views.suggestions, name="suggestions"),
    path("my/", views.mine, name="mine"),
    path("questions/<int:pk>/", views.question_detail, name="question"),
    path("questions/<int:pk>/take/", views.take, name="take"),
    path("questions/<int:pk>/answer/", views.answer, name="answer"),
    path("questions/<int:pk>/clarify/", views.clarify, name="clarify"),
    path("questions/<int:pk>/reply/", views.reply, name="reply"),
    path("questions/<int:pk>/rate/", views.rate, name="rate"),
    path("questions/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("questions/<int:pk>/publish/", views.publish_question, name="publish"),
    path("questions/<int:pk>/files/<int:file_pk>/", views.question_file, name="file"),
    path("desk/", views.desk, name="desk"),
    path("desk/competences/", views.profile, name="profile"),
    path("oversight/", views.oversight, name="oversight"),
    path("slots/", views.slots, name="slots"),
    path("slots/new/", views.slot_create, name="slot_create"),
    path("slots/<int:pk>/book/", views.book, name="book"),
    path("slots/<int:pk>/cancel/", views.cancel_booking, name="cancel_booking"),
    path("slots/<int:pk>/withdraw/", views.withdraw_slot, name="withdraw_slot"),
]
