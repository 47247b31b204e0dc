"""Reads of the resource bank: the catalogue, personal lists, suggestions (matching) and the calendar."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import ExtractIsoWeekDay
from django.utils import timezone

from nkohub.accounts.models import User
from nkohub.organizations import search
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.permissions import ACTING_ROLES
from nkohub.resources import text
from nkohub.resources.models import (
    BOOKABLE_CATEGORIES,
    AvailabilityException,
    AvailabilityRule,
    Booking,
    Category,
    Match,
    OfferPhoto,
    ResourceOffer,
    ResourceRequest,
    Review,
)
from nkohub.territories.models import Municipality

# Weights of the match score (0..100): category, place, time, text.
# the catalogue's cached filters and results (core.fragments): dropped on any write to what they show
CATALOGUE_FRAGMENTS = "resources.catalogue"
SCORE_SAME_CATEGORY = 40.0
SCORE_OTHER_CATEGORY = 15.0
SCORE_SAME_MUNICIPALITY = 25.0
SCORE_SAME_REGION = 10.0
SCORE_TIME = 15.0
SCORE_TEXT = 20.0
GOOD_MATCH = 70.0
SUGGESTIONS = 10


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


# --- catalogue --------------------------------------------------------------------------
def offers_catalogue(
    *,
    q: str = "",
    category: str = "",
    municipality: Any = None,
    terms: str = "",
    free_on: dt.date | None = None,
) -> QuerySet[ResourceOffer]:
    """Published offers with the filters of the catalogue, newest first (best text match first on search)."""
    offers = ResourceOffer.objects.filter(status=ResourceOffer.Status.PUBLISHED).select_related(
        "organization", "created_by", "municipality"
    )
    if category:
        offers = offers.filter(category=category)
    if municipality:
        offers = offers.filter(municipality=municipality)
    if terms:
        offers = offers.filter(terms=terms)
    if free_on:
        offers = offers.filter(
            Q(available_from__isnull=True) | Q(available_from__lte=free_on),
            Q(available_until__isnull=True) | Q(available_until__gte=free_on),
        )
        # Bookable offers must open that weekday and not be fully booked that day; others just be in period.
        start = timezone.make_aware(dt.datetime.combine(free_on, dt.time.min))
        end = start + dt.timedelta(days=1)
        opens = AvailabilityRule.objects.filter(offer=OuterRef("pk"), weekday=free_on.weekday())
        closed = AvailabilityException.objects.filter(
            offer=OuterRef("pk"), date=free_on, is_closed=True
        )
        special = AvailabilityException.objects.filter(
            offer=OuterRef("pk"), date=free_on, is_closed=False
        )
        confirmed = Booking.objects.filter(
            offer=OuterRef("pk"),
            status=Booking.Status.CONFIRMED,
            starts_at__lt=end,
            ends_at__gt=start,
        )
        offers = offers.filter(
            ~Q(category__in=BOOKABLE_CATEGORIES)
            | ((Q(Exists(opens)) | Q(Exists(special))) & ~Q(Exists(closed)) & ~Q(Exists(confirmed)))
        )
    if q.strip():
        offers = _text_search(offers, q)
    return offers


def catalogue_suggestion(q: str) -> str:
    """«Возможно, вы имели в виду …» for the catalogue: from the words of the published offers."""
    vocabulary = search.vocabulary_for(
        "resources.offers",
        ResourceOffer.objects.filter(status=ResourceOffer.Status.PUBLISHED),
        ("title", "description"),
    )
    return search.suggestion(q, vocabulary)


def _text_search(offers: QuerySet[ResourceOffer], q: str) -> QuerySet[ResourceOffer]:
    if is_postgres():
        query = SearchQuery(q, search_type="websearch", config="russian")
        return (
            offers.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-published_at")
        )
    for variants in text.query_lemma_groups(q):
        any_form = Q()
        for variant in variants:
            any_form |= Q(search_lemmas__contains=f" {variant} ")
        offers = offers.filter(any_form)
    return offers


def offer_with_details(pk: int) -> ResourceOffer | None:
    return (
        ResourceOffer.objects.select_related("organization", "created_by", "municipality__region")
        .prefetch_related("availability_rules", "photos")
        .filter(pk=pk)
        .first()
    )


def offer_exceptions_upcoming(offer: ResourceOffer) -> QuerySet[Any]:
    return offer.availability_exceptions.filter(date__gte=timezone.localdate()).order_by("date")


def offer_reviews(offer: ResourceOffer) -> QuerySet[Review]:
    return (
        Review.objects.filter(booking__offer=offer, side=Review.Side.REQUESTER)
        .select_related("author", "booking__organization")
        .order_by("-created_at")
    )


def photos_of(offer: ResourceOffer) -> QuerySet[OfferPhoto]:
    return offer.photos.order_by("position", "pk")


# --- requests ----------------------------------------------------------------------------
def open_requests(*, category: str = "", municipality: Any = None) -> QuerySet[ResourceRequest]:
    requests = ResourceRequest.objects.filter(
        status__in=ResourceRequest.ACTIVE_STATUSES
    ).select_related("organization", "municipality")
    if category:
        requests = requests.filter(category=category)
    if municipality:
        requests = requests.filter(municipality=municipality)
    return requests.order_by("needed_from", "-created_at")


def request_with_details(pk: int) -> ResourceRequest | None:
    return (
        ResourceRequest.objects.select_related("organization", "created_by", "municipality__region")
        .filter(pk=pk)
        .first()
    )


# --- the cabinet ------------------------------------------------------------------------
def _acting_organization_ids(user: Any) -> QuerySet[Any]:
    return Membership.objects.filter(user=user, role__in=ACTING_ROLES).values("organization_id")


def offers_of(user: Any) -> QuerySet[ResourceOffer]:
    """Offers the person manages: those of their organisations and their own private ones."""
    return (
        ResourceOffer.objects.filter(
            Q(organization__in=_acting_organization_ids(user))
            | Q(organization__isnull=True, created_by=user)
        )
        .select_related("organization", "created_by", "municipality")
        .order_by("-updated_at")
    )


def requests_of(user: Any) -> QuerySet[ResourceRequest]:
    return (
        ResourceRequest.objects.filter(organization__in=_acting_organization_ids(user))
        .select_related("organization", "municipality")
        .order_by("-updated_at")
    )


def bookings_of(user: Any) -> QuerySet[Booking]:
    """Bookings made by the person's organisations and bookings of the offers they manage."""
    organizations = _acting_organization_ids(user)
    return (
        Booking.objects.filter(
            Q(organization__in=organizations)
            | Q(requested_by=user)
            | Q(offer__organization__in=organizations)
            | Q(offer__organization__isnull=True, offer__created_by=user)
        )
        .select_related("offer__organization", "offer__created_by", "organization")
        .order_by("-starts_at")
    )


def cabinet_counts(user: Any) -> dict[str, int]:
    return {
        "offers": offers_of(user).count(),
        "requests": requests_of(user).filter(status__in=ResourceRequest.ACTIVE_STATUSES).count(),
        "pending": bookings_of(user)
        .filter(status=Booking.Status.PENDING, ends_at__gt=timezone.now())
        .count(),
        "upcoming": bookings_of(user)
        .filter(status=Booking.Status.CONFIRMED, ends_at__gt=timezone.now())
        .count(),
    }


def organizations_for_booking(user: Any, offer: ResourceOffer) -> QuerySet[Organization]:
    organizations = Organization.objects.filter(pk__in=_acting_organization_ids(user)).order_by(
        "full_name"
    )
    if offer.organization_id:
        organizations = organizations.exclude(pk=offer.organization_id)
    return organizations


# --- people to tell --------------------------------------------------------------------
def acting_people(organization_id: int | None) -> list[User]:
    if organization_id is None:
        return []
    return list(
        User.objects.filter(
            memberships__organization_id=organization_id,
            memberships__role__in=ACTING_ROLES,
            is_active=True,
        ).distinct()
    )


def offer_owners(offer: ResourceOffer) -> list[User]:
    return acting_people(offer.organization_id) if offer.organization_id else [offer.created_by]


def request_owners(resource_request: ResourceRequest) -> list[User]:
    return acting_people(resource_request.organization_id)


def booking_requesters(booking: Booking) -> list[User]:
    return [booking.requested_by, *acting_people(booking.organization_id)]


# --- calendar ---------------------------------------------------------------------------
def bookings_between(
    offer: ResourceOffer, start: dt.datetime, end: dt.datetime
) -> QuerySet[Booking]:
    """Bookings that hold a slot of the offer between `start` and `end`."""
    return (
        Booking.objects.filter(
            offer=offer, status__in=Booking.HOLDING_STATUSES, starts_at__lt=end, ends_at__gt=start
        )
        .select_related("organization")
        .order_by("starts_at")
    )


# --- matching ---------------------------------------------------------------------------
@dataclass
class Suggestion:
    obj: Any
    score: float

    @property
    def percent(self) -> int:
        return round(self.score)


def _weekdays(first: dt.date, last: dt.date) -> list[int]:
    if (last - first).days >= 6:
        return list(range(7))
    return sorted(
        {(first + dt.timedelta(days=n)).weekday() for n in range((last - first).days + 1)}
    )


# How many of the best candidates by category, place and time are re-ranked by text similarity.
RERANK = 200


def _region_municipality_ids(region_id: int) -> list[int]:
    return list(Municipality.objects.filter(region_id=region_id).values_list("pk", flat=True))


def _text_scores(model: Any, ids: list[int], query_text: str) -> dict[int, float]:
    """Text similarity (0..SCORE_TEXT) of the rows `ids` to the text: full-text rank on PostgreSQL,
    shared pymorphy3 lemmas elsewhere."""
    if is_postgres():
        terms = text.tsquery_any(query_text)
        if not terms:
            return {}
        query = SearchQuery(terms, search_type="raw", config="russian")
        ranks = (
            model.objects.filter(pk__in=ids, search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .values_list("pk", "rank")
        )
        return {pk: min(SCORE_TEXT, float(rank) * SCORE_TEXT / 0.3) for pk, rank in ranks}
    own = text.lemma_text(query_text)
    lemmas = model.objects.filter(pk__in=ids).values_list("pk", "search_lemmas")
    return {pk: SCORE_TEXT * text.similarity(own, row_lemmas) for pk, row_lemmas in lemmas}


def _rank(base: QuerySet[Any], query_text: str, limit: int) -> list[Suggestion]:
    """The best `limit` rows of `base` (annotated with `base_score`: category, place, time).

    The RERANK best by base score are read from the covering index alone, then re-ranked with the text
    similarity added; only the winners are fetched whole.
    """
    top = list(base.order_by("-base_score", "-pk").values_list("pk", "base_score")[:RERANK])
    if not top:
        return []
    base_scores = {pk: float(score) for pk, score in top}
    text_scores = _text_scores(base.model, list(base_scores), query_text)
    totals = {pk: score + text_scores.get(pk, 0.0) for pk, score in base_scores.items()}
    winners = sorted(totals, key=lambda pk: (-totals[pk], -pk))[:limit]
    rows = {
        row.pk: row
        for row in base.model.objects.filter(pk__in=winners).select_related(*_RELATED[base.model])
    }
    return [Suggestion(rows[pk], totals[pk]) for pk in winners if pk in rows]


_RELATED: dict[Any, tuple[str, ...]] = {
    ResourceOffer: ("organization", "created_by", "municipality"),
    ResourceRequest: ("organization", "municipality"),
}


def _weekday_mask(days: list[int]) -> int:
    mask = 0
    for day in days:
        mask |= 1 << day
    return mask


def suggested_offers(
    resource_request: ResourceRequest, *, limit: int = SUGGESTIONS
) -> list[Suggestion]:
    """Published offers that could serve the request, best first: category, place, time, then text."""
    municipality = resource_request.municipality
    first, last = resource_request.needed_from, resource_request.needed_until
    mask = _weekday_mask(_weekdays(first, last))
    offers = ResourceOffer.objects.filter(
        status=ResourceOffer.Status.PUBLISHED,
        municipality_id__in=_region_municipality_ids(municipality.region_id),
    )
    # Offers of the same category, and "other" offers that may serve any need (ranked lower).
    offers = offers.filter(category__in={resource_request.category, Category.OTHER})
    base = (
        offers.filter(Q(available_from__isnull=True) | Q(available_from__lte=last))
        .filter(Q(available_until__isnull=True) | Q(available_until__gte=first))
        .exclude(organization_id=resource_request.organization_id)
        .alias(open_days=F("weekdays").bitand(mask))
        .annotate(
            base_score=Case(
                When(category=resource_request.category, then=Value(SCORE_SAME_CATEGORY)),
                default=Value(SCORE_OTHER_CATEGORY),
                output_field=FloatField(),
            )
            + Case(
                When(municipality_id=municipality.pk, then=Value(SCORE_SAME_MUNICIPALITY)),
                default=Value(SCORE_SAME_REGION),
                output_field=FloatField(),
            )
            + Case(
                When(~Q(category__in=BOOKABLE_CATEGORIES), then=Value(SCORE_TIME)),
                When(open_days__gt=0, then=Value(SCORE_TIME)),
                default=Value(0.0),
                output_field=FloatField(),
            )
        )
    )
    return _rank(base, f"{resource_request.title} {resource_request.purpose}", limit)


def suggested_requests(offer: ResourceOffer, *, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """Open requests the offer could serve, best first."""
    municipality = offer.municipality
    today = timezone.localdate()
    requests = ResourceRequest.objects.filter(
        status__in=ResourceRequest.ACTIVE_STATUSES,
        municipality_id__in=_region_municipality_ids(municipality.region_id),
        needed_until__gte=max(today, offer.available_from or today),
    )
    requests = requests.filter(category__in={offer.category, Category.OTHER})
    if offer.available_until:
        requests = requests.filter(needed_from__lte=offer.available_until)
    if offer.organization_id:
        requests = requests.exclude(organization_id=offer.organization_id)
    if offer.is_bookable:
        days = [day + 1 for day in range(7) if offer.weekdays & (1 << day)]  # ISO weekdays 1..7
        # A need of a week or longer always meets some day of a schedule; shorter ones by their first or last day.
        time_ok = (
            Q(needed_until__gte=F("needed_from") + dt.timedelta(days=6))
            | Q(first_day__in=days)
            | Q(last_day__in=days)
        )
        requests = requests.alias(
            first_day=ExtractIsoWeekDay("needed_from"), last_day=ExtractIsoWeekDay("needed_until")
        )
        time_score: Any = Case(
            When(time_ok, then=Value(SCORE_TIME)), default=Value(0.0), output_field=FloatField()
        )
    else:
        time_score = Value(SCORE_TIME)
    base = requests.annotate(
        base_score=Case(
            When(category=offer.category, then=Value(SCORE_SAME_CATEGORY)),
            default=Value(SCORE_OTHER_CATEGORY),
            output_field=FloatField(),
        )
        + Case(
            When(municipality_id=municipality.pk, then=Value(SCORE_SAME_MUNICIPALITY)),
            default=Value(SCORE_SAME_REGION),
            output_field=FloatField(),
        )
        + time_score
    )
    return _rank(base, f"{offer.title} {offer.description}", limit)


def stored_matches_for_request(resource_request: ResourceRequest) -> QuerySet[Match]:
    return (
        Match.objects.filter(request=resource_request, offer__status=ResourceOffer.Status.PUBLISHED)
        .select_related("offer__organization", "offer__created_by", "offer__municipality")
        .order_by("-score")
    )


def stored_matches_for_offer(offer: ResourceOffer) -> QuerySet[Match]:
    return (
        Match.objects.filter(offer=offer, request__status__in=ResourceRequest.ACTIVE_STATUSES)
        .select_related("request__organization", "request__municipality")
        .order_by("-score")
    )


def photos_prefetch() -> Prefetch:
    return Prefetch("photos", queryset=OfferPhoto.objects.order_by("position", "pk"))
