"""Reference data of the registry: spheres of activity and legal forms (idempotent)."""

import json
from pathlib import Path

from django.db import transaction

from nkohub.organizations.models import LegalForm, Sphere

REFERENCE_FILE = Path(__file__).resolve().parent / "data" / "reference.json"


@transaction.atomic
def load() -> str:
    data = json.loads(REFERENCE_FILE.read_text(encoding="utf-8"))
    created = 0
    for item in data["spheres"]:
        _, was_created = Sphere.objects.update_or_create(
            code=item["code"],
            defaults={
                "name": item["name"],
                "short_name": item.get("short_name", ""),
                "is_fund_direction": item["is_fund_direction"],
                "position": item["position"],
            },
        )
        created += was_created
    for item in data["legal_forms"]:
        _, was_created = LegalForm.objects.update_or_create(
            name=item["name"],
            defaults={"short_name": item["short_name"], "is_nonprofit": item["is_nonprofit"]},
        )
        created += was_created
    return f"сферы и правовые формы: создано {created}"
