"""Writing the open data files, a version per date, by streaming: rows are read in chunks and
written one at a time, so memory does not grow with the registry.

Per dataset, in OPEN_DATA_ROOT/<identifier>/ (the names follow «Методические рекомендации по
публикации открытых данных», v3.0):
    data-<YYYYMMDD>-structure-<YYYYMMDD>.csv / .json   a version of the data
    structure-<YYYYMMDD>.csv / .json                   its columns (name, descriptions, format)
    meta.csv / meta.json                               the passport, listing every version
CSV: RFC 4180, comma, UTF-8 without a BOM (the recommendations name UTF-8 and no BOM), a header row.
A file is written beside its final name and renamed into place: a reader never sees half a file."""

import csv
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.utils import timezone

from nkohub.api.opendata.datasets import DATASETS, Dataset

STANDARD_VERSION = "http://opendata.gosmonitor.ru/standard/3.0"
DATA_NAME = re.compile(r"^data-(\d{8})-structure-(\d{8})\.(csv|json)$")
FILE_NAME = re.compile(r"^(data-\d{8}-structure-\d{8}|structure-\d{8}|meta)\.(csv|json)$")


def folder(dataset: Dataset) -> Path:
    return Path(settings.OPEN_DATA_ROOT) / dataset.identifier


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(type(value).__name__)


class _Replacing:
    """Open `path` for writing through a temporary file renamed over it on success."""

    def __init__(self, path: Path) -> None:
        self.path, self.temporary = path, path.with_name(f".{path.name}.part")

    def __enter__(self) -> IO[str]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = self.temporary.open("w", encoding="utf-8", newline="")
        return self.file

    def __exit__(self, kind: Any, *rest: Any) -> None:
        self.file.close()
        if kind is None:
            os.replace(self.temporary, self.path)
        else:
            self.temporary.unlink(missing_ok=True)


def _values(dataset: Dataset) -> Iterator[list[Any]]:
    for row in dataset.rows():
        yield [column.value(row) for column in dataset.columns]


def write_csv(dataset: Dataset, out: IO[str]) -> int:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([column.name for column in dataset.columns])
    count = 0
    for values in _values(dataset):
        writer.writerow(["true" if v is True else "false" if v is False else v for v in values])
        count += 1
    return count


def write_json(dataset: Dataset, out: IO[str]) -> int:
    names = [column.name for column in dataset.columns]
    out.write("[")
    count = 0
    for values in _values(dataset):
        out.write(",\n" if count else "\n")
        out.write(
            json.dumps(
                dict(zip(names, values, strict=True)), ensure_ascii=False, default=_json_default
            )
        )
        count += 1
    out.write("\n]\n")
    return count


def _structure(dataset: Dataset) -> list[dict[str, str]]:
    return [
        {
            "field name": c.name,
            "english description": c.english,
            "russian description": c.russian,
            "format": c.format,
        }
        for c in dataset.columns
    ]


@dataclass(frozen=True)
class Version:
    date: str  # YYYYMMDD
    structure: str
    csv: str
    json: str


def versions(dataset: Dataset) -> list[Version]:
    """Every version on disk, newest first."""
    found: dict[tuple[str, str], set[str]] = {}
    directory = folder(dataset)
    for path in directory.iterdir() if directory.is_dir() else ():
        match = DATA_NAME.match(path.name)
        if match:
            found.setdefault((match[1], match[2]), set()).add(match[3])
    return [
        Version(
            date=date,
            structure=structure,
            csv=f"data-{date}-structure-{structure}.csv",
            json=f"data-{date}-structure-{structure}.json",
        )
        for (date, structure), kinds in sorted(found.items(), reverse=True)
        if kinds == {"csv", "json"}
    ]


def passport(dataset: Dataset, *, base_url: str = "") -> list[tuple[str, str]]:
    """The passport's (property, value) rows, as meta.csv has them."""
    all_versions = versions(dataset)
    rows = [
        ("standardversion", STANDARD_VERSION),
        ("identifier", dataset.identifier),
        ("title", dataset.title),
        ("description", dataset.description),
        ("creator", settings.OPEN_DATA_PUBLISHER),
        ("publishername", settings.OPEN_DATA_PUBLISHER),
        ("publishermbox", settings.OPEN_DATA_PUBLISHER_EMAIL),
        ("format", "csv"),
        ("subject", dataset.subject),
        ("license", settings.OPEN_DATA_LICENCE),
    ]
    if all_versions:
        rows += [
            ("created", _iso(all_versions[-1].date)),
            ("modified", _iso(all_versions[0].date)),
            ("valid", _iso(all_versions[0].date)),
        ]
    for version in all_versions:
        rows.append((f"data-{version.date}-structure-{version.structure}", base_url + version.csv))
    for structure in sorted({v.structure for v in all_versions}, reverse=True):
        rows.append((f"structure-{structure}", f"{base_url}structure-{structure}.csv"))
    return rows


def _iso(date: str) -> str:
    return f"{date[:4]}-{date[4:6]}-{date[6:]}"


def _write_passport(dataset: Dataset, base_url: str) -> None:
    rows = passport(dataset, base_url=base_url)
    directory = folder(dataset)
    with _Replacing(directory / "meta.csv") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["property", "value"])
        writer.writerows(rows)
    with _Replacing(directory / "meta.json") as out:
        json.dump(dict(rows), out, ensure_ascii=False, indent=1)


def publish(dataset: Dataset, *, base_url: str = "") -> int:
    """Today's version of the dataset (written again if run twice a day), its structure, the passport."""
    date = timezone.localdate().strftime("%Y%m%d")
    directory = folder(dataset)
    name = f"data-{date}-structure-{dataset.structure_version}"
    with _Replacing(directory / f"{name}.csv") as out:
        count = write_csv(dataset, out)
    with _Replacing(directory / f"{name}.json") as out:
        write_json(dataset, out)
    structure = _structure(dataset)
    with _Replacing(directory / f"structure-{dataset.structure_version}.csv") as out:
        writer = csv.DictWriter(out, fieldnames=list(structure[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(structure)
    with _Replacing(directory / f"structure-{dataset.structure_version}.json") as out:
        json.dump(structure, out, ensure_ascii=False, indent=1)
    _write_passport(dataset, base_url)
    return count


def publish_all(*, base_url: str = "") -> dict[str, int]:
    return {dataset.identifier: publish(dataset, base_url=base_url) for dataset in DATASETS}
