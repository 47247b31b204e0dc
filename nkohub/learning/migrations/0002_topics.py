"""The topics the region's NGOs asked to learn (the Smolensk interviews) and the portal promised."""

from typing import Any

from django.db import migrations

TOPICS = [
    ("social-projects", "Проектирование социальных проектов"),
    ("grants", "Подготовка заявок на гранты"),
    ("project-management", "Управление проектами"),
    ("accounting", "Бухгалтерский учёт и отчётность НКО"),
    ("fundraising", "Фандрайзинг, в том числе частные пожертвования"),
    ("media", "PR, работа со СМИ и заинтересованными сторонами"),
    ("fraud-prevention", "Профилактика мошенничества"),
    ("paid-services", "Платные услуги НКО"),
    ("social-services", "Компенсация за оказание социальных услуг"),
]


def seed(apps: Any, schema_editor: Any) -> None:
    topic = apps.get_model("learning", "Topic")
    for position, (slug, name) in enumerate(TOPICS, start=1):
        topic.objects.get_or_create(slug=slug, defaults={"name": name, "position": position * 10})


def unseed(apps: Any, schema_editor: Any) -> None:
    topic = apps.get_model("learning", "Topic")
    topic.objects.filter(slug__in=[slug for slug, _ in TOPICS], courses__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
