"""The dashboard's figures (/analytics/): the blocks the operators made public, each as the table the
page shows beside its chart (the same cells its CSV download holds). Cached with the page's own
fragments group, so a new figure shows at once and a warm call runs no query."""

import json
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema

from nkohub.analytics.dashboard import FRAGMENTS, build_blocks, csv_text
from nkohub.api.auth import optional_token
from nkohub.api.endpoints._shared import READ_ERRORS
from nkohub.core import fragments

PREFIX = "/dashboard"
router = Router(tags=["dashboard"])


class BlockOut(Schema):
    key: str
    title: str
    columns: list[str]
    rows: list[list[str]]
    note: str
    csv_url: str


class DashboardOut(Schema):
    date: str
    blocks: list[BlockOut]


def _figures(today: str) -> str:
    blocks = [
        {
            "key": block.key,
            "title": str(block.title),
            "columns": [str(column) for column in block.columns],
            # numbers as the CSV writes them (decimal commas, no grouping): text, never floats
            "rows": [[csv_text(value) for value in row] for row in block.rows],
            "note": str(block.note),
            "csv_url": reverse("analytics:block_csv", args=[block.key]),
        }
        for block in build_blocks(everything=False)
    ]
    return json.dumps({"date": today, "blocks": blocks}, ensure_ascii=False)


@router.get(
    "",
    response={200: DashboardOut, **READ_ERRORS},
    auth=optional_token,
    summary="The dashboard's public figures, block by block",
)
def dashboard(request: HttpRequest) -> dict[str, Any]:
    today = timezone.localdate().isoformat()
    cached = fragments.cached(FRAGMENTS, {"api": lambda: _figures(today)}, "api", today)
    return dict(json.loads(cached["api"]))
