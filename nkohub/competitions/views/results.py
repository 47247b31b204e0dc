"""The results of a call: the winners with their amounts and the total, as a page and as open
data (CSV, JSON)."""

import csv
import io
import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from nkohub.competitions import selectors
from nkohub.competitions.models import Call
from nkohub.competitions.permissions import get_call_for_user

FIELDS = (
    "number",
    "organization",
    "inn",
    "municipality",
    "title",
    "direction",
    "score",
    "requested",
    "awarded",
)


def _published(request: HttpRequest, pk: int) -> Call:
    call = get_call_for_user(request.user, pk)
    if call.status != Call.Status.RESULTS:
        raise Http404
    return call


def _rows(call: Call) -> list[dict[str, Any]]:
    return [
        {
            "number": s.number,
            "organization": s.organization.full_name,
            "inn": s.organization.inn,
            "municipality": s.organization.municipality.name if s.organization.municipality else "",
            "title": s.title,
            "direction": s.direction.name if s.direction else "",
            "score": str(s.score_mean) if s.score_mean is not None else None,
            "requested": str(s.requested_amount),
            "awarded": str(s.awarded_amount),
        }
        for s in selectors.winners(call)
    ]


@require_safe
def results(request: HttpRequest, pk: int) -> HttpResponse:
    call = _published(request, pk)
    return render(
        request,
        "competitions/results.html",
        {
            "call": call,
            "winners": list(selectors.winners(call)),
            "summary": selectors.results_summary(call),
        },
    )


@require_safe
def results_csv(request: HttpRequest, pk: int) -> HttpResponse:
    call = _published(request, pk)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    writer.writerows(_rows(call))
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="call-{call.pk}-results.csv"'
    return response


@require_safe
def results_json(request: HttpRequest, pk: int) -> HttpResponse:
    call = _published(request, pk)
    summary = selectors.results_summary(call)
    data = {
        "call": call.title,
        "funder": call.organization.full_name,
        "published": call.results_published_at.isoformat() if call.results_published_at else None,
        "submitted": summary["submitted"],
        "approved": summary["approved"],
        "total_awarded": str(summary["total"]),
        "winners": _rows(call),
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json"
    )
