"""Floor views: for each measured page, a bare Django view that returns the same rows as JSON — no
template, no middleware work of its own. A page's throughput is reported as a share of its floor's,
measured in the same run (bench.harness.page_against_floor).

Each floor reads what its page shows on its first page (the same columns, the same order, the same
number of rows), with plain `.values()`; add one per page measured."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse

from nkohub.organizations.models import Organization


def organizations(request: HttpRequest) -> HttpResponse:
    rows = list(
        Organization.objects.filter(is_published=True)
        .order_by("full_name", "pk")
        .values(
            "pk", "full_name", "short_name", "kind", "inn", "municipality__name", "is_verified"
        )[:20]
    )
    return JsonResponse({"count": len(rows), "results": rows})


FLOORS: dict[str, Callable[[HttpRequest], HttpResponse]] = {
    "organizations": organizations,
}
