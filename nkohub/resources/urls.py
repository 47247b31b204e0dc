from django.urls import path

from nkohub.resources import views

app_name = "resources"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("offers/new/", views.offer_create, name="offer_create"),
    path("offers/<int:pk>/", views.offer_detail, name="offer_detail"),
    path("offers/<int:pk>/edit/", views.offer_edit, name="offer_edit"),
    path("offers/<int:pk>/status/", views.offer_status, name="offer_status"),
    path("offers/<int:pk>/availability/", views.offer_availability, name="offer_availability"),
    path(
        "offers/<int:pk>/availability/rules/<int:item_pk>/delete/",
        views.availability_remove,
        {"kind": "rules"},
        name="rule_delete",
    ),
    path(
        "offers/<int:pk>/availability/exceptions/<int:item_pk>/delete/",
        views.availability_remove,
        {"kind": "exceptions"},
        name="exception_delete",
    ),
    path("offers/<int:pk>/photos/", views.offer_photos, name="offer_photos"),
    path("offers/<int:pk>/photos/<int:photo_pk>/delete/", views.photo_delete, name="photo_delete"),
    path("offers/<int:pk>/calendar/", views.offer_calendar, name="offer_calendar"),
    path("offers/<int:pk>/book/", views.offer_book, name="offer_book"),
    path("requests/", views.request_list, name="request_list"),
    path("requests/new/", views.request_create, name="request_create"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/edit/", views.request_edit, name="request_edit"),
    path("requests/<int:pk>/status/", views.request_status, name="request_status"),
    path("bookings/<int:pk>/", views.booking_detail, name="booking_detail"),
    path(
        "bookings/<int:pk>/confirm/",
        views.booking_decide,
        {"decision": "confirm"},
        name="booking_confirm",
    ),
    path(
        "bookings/<int:pk>/decline/",
        views.booking_decide,
        {"decision": "decline"},
        name="booking_decline",
    ),
    path("bookings/<int:pk>/cancel/", views.booking_cancel, name="booking_cancel"),
    path("bookings/<int:pk>/review/", views.booking_review, name="booking_review"),
    path("my/", views.mine, name="mine"),
]
