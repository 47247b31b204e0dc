import json
from pathlib import Path
from typing import Any

from django.db import transaction

from nkohub.territories.models import Municipality, Region

REFERENCE_FILE = Path(__file__).resolve().parent / "data" / "territories.json"


@transaction.atomic
def territories_load_reference(*, path: Path = REFERENCE_FILE) -> dict[str, int]:
    """Create or update regions and municipalities from the shipped reference file.

    Idempotent: a second run changes nothing. An OKTMO code or an administrative centre an
    operator entered by hand is kept when the file has none.
    """
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    created = updated = 0
    regions: dict[str, Region] = {}
    for item in data["regions"]:
        region, was_created = Region.objects.get_or_create(
            code=item["code"], defaults={"name": item["name"]}
        )
        if not was_created and region.name != item["name"]:
            region.name = item["name"]
            region.save(update_fields=["name"])
            updated += 1
        created += was_created
        regions[region.code] = region
    for item in data["municipalities"]:
        municipality, was_created = Municipality.objects.get_or_create(
            region=regions[item["region"]],
            name=item["name"],
            defaults={
                "kind": item["kind"],
                "oktmo": item.get("oktmo"),
                "administrative_centre": item.get("administrative_centre", ""),
            },
        )
        if was_created:
            created += 1
            continue
        changed = False
        if municipality.kind != item["kind"]:
            municipality.kind = item["kind"]
            changed = True
        if item.get("oktmo") and municipality.oktmo != item["oktmo"]:
            municipality.oktmo = item["oktmo"]
            changed = True
        centre = item.get("administrative_centre", "")
        if centre and municipality.administrative_centre != centre:
            municipality.administrative_centre = centre
            changed = True
        if changed:
            municipality.save()
            updated += 1
    return {"created": created, "updated": updated}
