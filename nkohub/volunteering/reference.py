"""Reference data of volunteering: the skills a call may ask for. `manage.py load_reference` puts back
any that went missing and leaves operators' edits of names and order alone."""

from nkohub.volunteering.models import Skill

SKILLS = [
    ("no-skills", "Без особых навыков"),
    ("driving", "Водитель с личным автомобилем"),
    ("first-aid", "Первая помощь"),
    ("children", "Работа с детьми"),
    ("elderly", "Помощь пожилым людям"),
    ("disabilities", "Сопровождение людей с инвалидностью"),
    ("events", "Организация мероприятий"),
    ("photo-video", "Фото и видеосъёмка"),
    ("smm", "Социальные сети и тексты"),
    ("it", "Компьютеры и сайты"),
    ("languages", "Иностранные языки"),
    ("animals", "Уход за животными"),
    ("ecology", "Экологические акции и уборка"),
    ("repair", "Ремонт и строительные работы"),
    ("tutoring", "Репетиторство и наставничество"),
]


def skill(slug: str) -> Skill:
    """A skill by its code, made when missing."""
    position = next((i for i, (code, _name) in enumerate(SKILLS, 1) if code == slug), 100)
    found, _created = Skill.objects.get_or_create(
        slug=slug, defaults={"name": dict(SKILLS).get(slug, slug), "position": position * 10}
    )
    return found


def load() -> str:
    created = 0
    for slug, _name in SKILLS:
        existed = Skill.objects.filter(slug=slug).exists()
        skill(slug)
        created += not existed
    return f"навыки волонтёров: создано {created}"
