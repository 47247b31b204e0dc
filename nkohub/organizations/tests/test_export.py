import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def test_csv_export_follows_the_filters(client: Any, corpus: dict[str, Any], kaluga: Any) -> None:
    response = client.get(
        reverse("organizations:export"), {"municipality": kaluga.pk, "kind": "ngo", "format": "csv"}
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("Полное наименование;")
    assert len(lines) == 3
    assert "Благотворительный фонд «Милосердие»" in text
    assert "Знание" not in text


def test_xlsx_export_follows_the_search(client: Any, corpus: dict[str, Any]) -> None:
    response = client.get(
        reverse("organizations:export"), {"q": "образовательные проекты", "format": "xlsx"}
    )
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "Полное наименование"
    assert [r[0] for r in rows[1:]] == ["Автономная некоммерческая организация «Знание»"]
