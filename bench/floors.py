"""Floor views: for each measured page, a bare Django view that returns the same rows as JSON — no
template, no middleware work of its own. A page's throughput is reported as a share of its floor's,
measured in the same run (bench.harness.page_against_floor).

Each floor reads what its page shows on its first page (the same columns, the same order, the same
number of rows), with plain `.values()`; add one per page measured."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from nkohub.grants.models import Competition
from nkohub.news.models import NewsItem, NewsPhoto, Pickup
from nkohub.organizations.models import Organization
from nkohub.projects.models import FairEntry, Project
from nkohub.reception.models import Appeal
from nkohub.resources.models import ResourceOffer


def organizations(request: HttpRequest) -> HttpResponse:
    rows = list(
        Organization.objects.filter(is_published=True)
        .order_by("full_name", "pk")
        .values(
            "pk", "full_name", "short_name", "kind", "inn", "municipality__name", "is_verified"
        )[:20]
    )
    return JsonResponse({"count": len(rows), "results": rows})


def grants(request: HttpRequest) -> HttpResponse:
    """/grants/: open and upcoming competitions, closing first, 20 a page."""
    rows = list(
        Competition.objects.filter(applications_close_on__gte=timezone.localdate())
        .order_by("applications_close_on", "pk")
        .values(
            "pk",
            "title",
            "funder__name",
            "applications_open_on",
            "applications_close_on",
            "min_amount",
            "max_amount",
            "cofinancing_min_percent",
        )[:20]
    )
    return JsonResponse({"count": len(rows), "results": rows})


def fair(request: HttpRequest) -> HttpResponse:
    """/fair/: projects accepted to the fair, newest first, 12 a page."""
    accepted = FairEntry.objects.filter(status=FairEntry.Status.ACCEPTED)
    rows = list(
        Project.objects.filter(pk__in=accepted.values("project_id"))
        .order_by("-created_at", "-pk")
        .values(
            "pk",
            "title",
            "summary",
            "status",
            "covers_whole_region",
            "organization__full_name",
            "organization__short_name",
        )[:12]
    )
    return JsonResponse({"count": len(rows), "results": rows})


def resources(request: HttpRequest) -> HttpResponse:
    """/resources/: published offers, newest first, 20 a page."""
    rows = list(
        ResourceOffer.objects.filter(status=ResourceOffer.Status.PUBLISHED)
        .order_by("-published_at", "-created_at")
        .values(
            "pk",
            "title",
            "category",
            "terms",
            "organization__full_name",
            "organization__short_name",
            "municipality__name",
        )[:20]
    )
    return JsonResponse({"count": len(rows), "results": rows})


def reception(request: HttpRequest) -> HttpResponse:
    """/reception/: published answers, the latest first, 20 a page."""
    rows = list(
        Appeal.objects.filter(status=Appeal.Status.ANSWERED, publish_consent=True)
        .order_by("-answered_on", "-id")
        .values("pk", "subject", "text", "answered_on", "authority__full_name", "topic__name")[:20]
    )
    return JsonResponse({"count": len(rows), "results": rows})


def api_offers(request: HttpRequest) -> HttpResponse:
    """/api/v1/offers?limit=20: published offers by id, with what the API's OfferOut carries."""
    rows = list(
        ResourceOffer.objects.filter(status=ResourceOffer.Status.PUBLISHED)
        .order_by("pk")
        .values(
            "pk",
            "category",
            "title",
            "description",
            "status",
            "organization_id",
            "organization__short_name",
            "municipality_id",
            "municipality__name",
            "municipality__oktmo",
            "address",
            "terms",
            "terms_note",
            "capacity",
            "available_from",
            "available_until",
            "published_at",
            "updated_at",
        )[:21]
    )
    return JsonResponse(
        {"items": rows[:20], "next_cursor": rows[-1]["pk"] if len(rows) > 20 else None}
    )


def api_organizations(request: HttpRequest) -> HttpResponse:
    """/api/v1/organizations?limit=20: published organisations by id with their spheres' codes."""
    rows = list(
        Organization.objects.filter(is_published=True)
        .order_by("pk")
        .values(
            "pk",
            "kind",
            "full_name",
            "short_name",
            "inn",
            "ogrn",
            "kpp",
            "status",
            "is_verified",
            "municipality__name",
            "municipality__oktmo",
            "address",
            "description",
            "website",
            "public_email",
            "public_phone",
            "updated_at",
        )[:21]
    )
    through = Organization.spheres.through.objects.filter(
        organization_id__in=[row["pk"] for row in rows]
    ).values_list("organization_id", "sphere__code")
    spheres: dict[int, list[str]] = {}
    for organization_id, code in through:
        spheres.setdefault(organization_id, []).append(code)
    items: list[dict[str, object]] = [
        {**row, "spheres": spheres.get(row["pk"], [])} for row in rows[:20]
    ]
    return JsonResponse({"items": items, "next_cursor": rows[-1]["pk"] if len(rows) > 20 else None})


def api_news(request: HttpRequest) -> HttpResponse:
    """/api/v1/news?limit=20: published news newest first, with what the API's NewsOut carries (the
    photos' files and captions, the number of publications in media)."""
    rows = list(
        NewsItem.objects.filter(status=NewsItem.Status.PUBLISHED)
        .order_by("-published_at", "-pk")
        .values(
            "pk",
            "title",
            "body",
            "organization_id",
            "organization__short_name",
            "project_id",
            "project__title",
            "published_at",
        )[:21]
    )
    ids = [row["pk"] for row in rows[:20]]
    photos: dict[int, list[dict[str, str]]] = {}
    for news_id, image, caption in (
        NewsPhoto.objects.filter(news_id__in=ids)
        .order_by("position", "pk")
        .values_list("news_id", "image", "caption")
    ):
        photos.setdefault(news_id, []).append({"src": image, "caption": caption})
    published: dict[int, int] = {}
    for news_id in Pickup.objects.filter(
        news_id__in=ids, status=Pickup.Status.PUBLISHED
    ).values_list("news_id", flat=True):
        published[news_id] = published.get(news_id, 0) + 1
    items: list[dict[str, object]] = [
        {**row, "photos": photos.get(row["pk"], []), "publications": published.get(row["pk"], 0)}
        for row in rows[:20]
    ]
    return JsonResponse({"items": items, "next_cursor": rows[-1]["pk"] if len(rows) > 20 else None})


FLOORS: dict[str, Callable[[HttpRequest], HttpResponse]] = {
    "organizations": organizations,
    "grants": grants,
    "fair": fair,
    "resources": resources,
    "reception": reception,
    "api-offers": api_offers,
    "api-organizations": api_organizations,
    "api-news": api_news,
}
