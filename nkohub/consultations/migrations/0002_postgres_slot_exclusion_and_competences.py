"""PostgreSQL only: an expert's slots that hold their time never overlap (the platform's interval rule,
`nkohub.core.intervals`, as the resource bank's bookings); and the topics of consultations seeded."""

from typing import Any

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

from nkohub.core.intervals import OnPostgres, no_overlap_constraint

SLOT_NO_OVERLAP = no_overlap_constraint(
    name="consultations_slot_no_overlap",
    owner="expert",
    holding_statuses=["open", "booked"],
    message="You already have a slot at this time.",
)

COMPETENCES = [
    ("law", "Право и регистрация НКО"),
    ("accounting", "Бухгалтерский учёт и отчётность"),
    ("taxes", "Налоги"),
    ("grants", "Гранты и субсидии"),
    ("pr", "PR и работа со СМИ"),
    ("it", "IT и цифровые инструменты"),
    ("fundraising", "Фандрайзинг"),
]


def seed(apps: Any, schema_editor: Any) -> None:
    competence = apps.get_model("consultations", "Competence")
    for position, (slug, name) in enumerate(COMPETENCES, start=1):
        competence.objects.get_or_create(
            slug=slug, defaults={"name": name, "position": position * 10}
        )


def unseed(apps: Any, schema_editor: Any) -> None:
    competence = apps.get_model("consultations", "Competence")
    competence.objects.filter(
        slug__in=[slug for slug, _ in COMPETENCES], questions__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("consultations", "0001_initial")]

    operations = [
        BtreeGistExtension(),
        OnPostgres("slot", constraint=SLOT_NO_OVERLAP),
        migrations.RunPython(seed, unseed),
    ]
