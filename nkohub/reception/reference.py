"""Reference data of the reception: Russia's production calendars for 2025 and 2026 (idempotent).

Days already in the database are left as they are, so an operator's edits survive a reload.
"""

import json
from datetime import date
from pathlib import Path

from django.db import transaction

from nkohub.reception.models import CalendarDay

CALENDAR_FILE = Path(__file__).resolve().parent / "data" / "production_calendar.json"


@transaction.atomic
def load() -> str:
    data = json.loads(CALENDAR_FILE.read_text(encoding="utf-8"))
    created = 0
    for item in data["days"]:
        _, was_created = CalendarDay.objects.get_or_create(
            day=date.fromisoformat(item["day"]),
            defaults={
                "kind": item["kind"],
                "description": item["description"],
                "source": item["source"],
            },
        )
        created += was_created
    return f"производственный календарь: добавлено дней {created}"
