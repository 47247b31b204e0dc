"""/api/v1/dashboard: the dashboard's public blocks as tables — the entered 2021 subsidies and the
region's success rate as the page shows them, a private block left out, a warm call without queries."""

import json
from typing import Any

import pytest
from django.urls import reverse

from nkohub.analytics.models import DashboardBlock
from nkohub.analytics.tests.factories import subsidies_totalling

pytestmark = pytest.mark.django_db

URL = "/api/v1/dashboard"


def _blocks(client: Any) -> dict[str, Any]:
    response = client.get(URL)
    assert response.status_code == 200
    return {block["key"]: block for block in json.loads(response.content)["blocks"]}


def test_the_subsidies_of_2021_are_a_table_of_text_cells(client: Any) -> None:
    subsidies_totalling(15_300_000, 100, year=2021)
    block = _blocks(client)["subsidy_direction"]
    assert block["title"].endswith("2021")
    assert block["rows"][0][1:3] == ["100", "15300000,00"]
    assert block["csv_url"] == reverse("analytics:block_csv", args=["subsidy_direction"])


def test_a_private_block_is_left_out(client: Any) -> None:
    subsidies_totalling(15_300_000, 100, year=2021)
    DashboardBlock.objects.create(key="subsidy_direction", is_public=False)
    blocks = _blocks(client)
    assert "subsidy_direction" not in blocks
    assert "subsidy_sphere" in blocks


def test_a_warm_call_runs_no_query_and_a_new_figure_shows_at_once(
    client: Any, django_assert_num_queries: Any, settings: Any
) -> None:
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    subsidies_totalling(1_000_000, 10, year=2021)
    assert _blocks(client)["subsidy_direction"]["rows"][0][1] == "10"
    with django_assert_num_queries(0):
        client.get(URL)
    subsidies_totalling(500_000, 5, year=2021)
    assert _blocks(client)["subsidy_direction"]["rows"][0][1] == "15"
