"""Reference data of consultations: the topics experts answer in. `manage.py load_reference` puts back
any that went missing and leaves operators' edits (names, order, terms) alone."""

from nkohub.consultations.models import Competence

COMPETENCES = [
    ("law", "Право и регистрация НКО"),
    ("accounting", "Бухгалтерский учёт и отчётность"),
    ("taxes", "Налоги"),
    ("grants", "Гранты и субсидии"),
    ("pr", "PR и работа со СМИ"),
    ("it", "IT и цифровые инструменты"),
    ("fundraising", "Фандрайзинг"),
]


def competence(slug: str) -> Competence:
    """A topic by its code, made when missing."""
    position = next((i for i, (code, _n) in enumerate(COMPETENCES, 1) if code == slug), 100)
    found, _created = Competence.objects.get_or_create(
        slug=slug, defaults={"name": dict(COMPETENCES).get(slug, slug), "position": position * 10}
    )
    return found


def load() -> str:
    created = 0
    for slug, _name in COMPETENCES:
        existed = Competence.objects.filter(slug=slug).exists()
        competence(slug)
        created += not existed
    return f"темы консультаций: создано {created}"
