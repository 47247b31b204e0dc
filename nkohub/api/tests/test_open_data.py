"""Open data: a version per date of each dataset in CSV and JSON, its structure and passport,
written by streaming (memory flat whatever the registry's size) and served at /opendata/."""

import csv
import io
import json
import tracemalloc
from typing import Any

import pytest
from django.utils import timezone

from nkohub.api.opendata import datasets
from nkohub.api.opendata.datasets import DATASETS, dataset
from nkohub.api.opendata.jobs import publish_open_data
from nkohub.api.opendata.publishing import folder, publish, write_csv
from nkohub.organizations.models import Organization

pytestmark = pytest.mark.django_db

REGISTRY = "nko-registry"


@pytest.fixture(autouse=True)
def _root(settings: Any, tmp_path: Any) -> None:
    settings.OPEN_DATA_ROOT = tmp_path / "opendata"
    settings.OPEN_DATA_PUBLISHER_INN = "—"


def _registry() -> Any:
    found = dataset(REGISTRY)
    assert found is not None
    return found


def test_the_registry_file_has_a_header_and_a_row_per_organisation(ngo: Any) -> None:
    publish(_registry())
    today = timezone.localdate().strftime("%Y%m%d")
    name = f"data-{today}-structure-{_registry().structure_version}.csv"
    rows = list(csv.reader((folder(_registry()) / name).open(encoding="utf-8")))
    assert (rows[0][:3], rows[1][2]) == (["id", "kind", "full_name"], ngo.full_name)


def test_the_csv_is_utf8_without_a_bom(ngo: Any) -> None:
    out = io.StringIO()
    write_csv(_registry(), out)
    assert not out.getvalue().encode().startswith(b"\xef\xbb\xbf")


def test_the_passport_names_the_dataset_and_its_versions(ngo: Any) -> None:
    publish(_registry())
    meta = json.loads((folder(_registry()) / "meta.json").read_text(encoding="utf-8"))
    versions = [key for key in meta if key.startswith("data-")]
    assert (meta["identifier"], len(versions)) == (REGISTRY, 1)


def test_the_structure_file_describes_every_column(ngo: Any) -> None:
    publish(_registry())
    structure = json.loads(
        (folder(_registry()) / f"structure-{_registry().structure_version}.json").read_text()
    )
    assert [c["field name"] for c in structure] == [c.name for c in _registry().columns]


def test_the_job_writes_every_dataset(ngo: Any) -> None:
    publish_open_data()
    assert all((folder(d) / "meta.csv").is_file() for d in DATASETS)


def test_a_file_is_served_from_the_section(client: Any, ngo: Any) -> None:
    publish(_registry())
    response = client.get(f"/opendata/{REGISTRY}/meta.csv")
    assert b"".join(response.streaming_content).startswith(b"property,value")


def test_a_name_outside_the_datasets_files_is_404(client: Any) -> None:
    assert client.get(f"/opendata/{REGISTRY}/..%2Fsecret.csv").status_code == 404


def test_the_list_names_every_dataset(client: Any) -> None:
    rows = list(csv.reader(io.StringIO(client.get("/opendata/list.csv").content.decode())))
    assert [row[0] for row in rows[1:]] == [d.identifier for d in DATASETS]


class _Discard(io.StringIO):
    def write(self, text: str) -> int:
        return len(text)


def _grow_registry_to(rows: int, like: Organization) -> None:
    start = Organization.objects.count()
    Organization.objects.bulk_create(
        Organization(
            kind=Organization.Kind.NGO,
            full_name=f"Автономная некоммерческая организация «Соседи {n}»",
            short_name=f"АНО «Соседи {n}»",
            legal_form_id=like.legal_form_id,
            municipality_id=like.municipality_id,
            address="Калуга, ул. Ленина, 1",
            description="Помогаем пожилым соседям: продукты, лекарства, прогулки.",
        )
        for n in range(start, rows)
    )


def _peak(rows: int, like: Organization) -> int:
    _grow_registry_to(rows, like)
    tracemalloc.start()
    try:
        write_csv(_registry(), _Discard())
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_as_the_registry_grows(monkeypatch: Any, ngo: Any) -> None:
    monkeypatch.setattr(datasets, "CHUNK", 100)  # both sizes span many chunks
    small = _peak(300, ngo)
    large = _peak(2400, ngo)
    assert large < small * 1.5
