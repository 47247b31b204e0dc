"""Reference data of learning: the topics the region's NGOs asked to learn (DOMAIN.md) and the portal
promised. Seeded by migration 0002 too; `manage.py load_reference` puts back any that went missing and
leaves operators' edits of names and order alone."""

from nkohub.learning.models import Topic

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


def topic(slug: str) -> Topic:
    """A wanted topic by its code, made when missing."""
    position = next((i for i, (code, _name) in enumerate(TOPICS, 1) if code == slug), 100)
    name = dict(TOPICS).get(slug, slug)
    found, _created = Topic.objects.get_or_create(
        slug=slug, defaults={"name": name, "position": position * 10}
    )
    return found


def load() -> str:
    created = 0
    for slug, _name in TOPICS:
        existed = Topic.objects.filter(slug=slug).exists()
        topic(slug)
        created += not existed
    return f"темы обучения: создано {created}"
