"""Floor views: for each measured page, a bare Django view that returns the same rows as JSON — no
template, no middleware work of its own. A page's throughput is reported as a share of its floor's,
measured in the same run (bench.harness.page_against_floor).

Each floor reads what its page shows on its first page (the same columns, the same order, the same
number of rows), with plain `.values()`; add one per page measured."""

from collections.abc import Callable

from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from nkohub.grants.models import Competition
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
    """The competitions calendar: open and upcoming competitions, closing first, 20 a page."""
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
    """The fair: projects accepted to it, newest first, 12 a page."""
    accepted = FairEntry.objects.filter(project=OuterRef("pk"), status=FairEntry.Status.ACCEPTED)
    rows = list(
        Project.objects.filter(Exists(accepted))
        .order_by("-created_at", "-pk")
        .values("pk", "title", "summary", "status", "organization__full_name")[:12]
    )
    return JsonResponse({"count": len(rows), "results": rows})


def resources(request: HttpRequest) -> HttpResponse:
    """The resource catalogue: published offers, newest first, 20 a page."""
    rows = list(
        ResourceOffer.objects.filter(status=ResourceOffer.Status.PUBLISHED)
        .order_by("-published_at", "-created_at")
        .values(
            "pk", "title", "category", "terms", "municipality__name", "organization__full_name"
        )[:20]
    )
    return JsonResponse({"count": len(rows), "results": rows})


def reception(request: HttpRequest) -> HttpResponse:
    """Reception's public list: answered appeals published with consent, latest answer first."""
    rows = list(
        Appeal.objects.filter(status=Appeal.Status.ANSWERED, publish_consent=True)
        .order_by("-answered_on", "-id")
        .values("pk", "subject", "text", "answered_on", "authority__full_name", "topic__name")[:20]
    )
    return JsonResponse({"count": len(rows), "results": rows})


FLOORS: dict[str, Callable[[HttpRequest], HttpResponse]] = {
    "organizations": organizations,
    "grants": grants,
    "fair": fair,
    "resources": resources,
    "reception": reception,
}
