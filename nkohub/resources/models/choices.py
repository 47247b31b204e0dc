"""Categories and terms of resources, and the fields people fill in."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    PREMISES = "premises", _("premises")
    EQUIPMENT = "equipment", _("equipment")
    TRANSPORT = "transport", _("transport")
    SPECIALIST = "specialist", _("specialist or service")
    MATERIALS = "materials", _("materials")
    OTHER = "other", _("other")


# Offers of these categories are booked by time slots.
BOOKABLE_CATEGORIES = frozenset({Category.PREMISES, Category.EQUIPMENT, Category.TRANSPORT})


class Terms(models.TextChoices):
    FREE = "free", _("free of charge")
    DISCOUNTED = "discounted", _("at a discount")
    EXCHANGE = "exchange", _("in exchange")


# What the owner edits on an offer and on a request (forms and services share these lists).
OFFER_FIELDS = [
    "category",
    "title",
    "description",
    "municipality",
    "address",
    "terms",
    "terms_note",
    "capacity",
    "available_from",
    "available_until",
]
REQUEST_FIELDS = [
    "category",
    "title",
    "purpose",
    "municipality",
    "needed_from",
    "needed_until",
    "quantity",
]
