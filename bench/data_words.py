"""Words of the generated data set (bench/data.py): offers and requests of the resource bank, grant
competitions, the fair's projects and reception's appeals. Every function takes a seeded generator."""

import random

OFFER_NOUNS = {
    "premises": ["зал", "помещение", "аудитория", "кабинет", "переговорная", "класс", "студия", "спортзал"],
    "equipment": ["проектор", "ноутбук", "колонка", "микрофон", "фотоаппарат", "принтер", "экран", "палатка"],
    "transport": ["микроавтобус", "автобус", "автомобиль", "грузовик", "прицеп", "газель"],
    "specialist": ["бухгалтер", "юрист", "психолог", "дизайнер", "фотограф", "волонтёр", "переводчик"],
    "materials": ["краска", "доски", "бумага", "ткань", "одежда", "игрушки", "книги", "продукты"],
    "other": ["помощь", "место", "склад", "площадка", "стенд"],
}  # fmt: skip
ADJECTIVES = ["просторный", "новый", "удобный", "небольшой", "современный", "светлый", "тёплый", "большой"]  # fmt: skip
PURPOSES = [
    "для семинара", "для тренинга волонтёров", "для занятий с детьми", "для встречи с родителями",
    "для выставки", "для праздника", "для перевозки подопечных", "для ремонта помещения",
    "для съёмки видео", "для консультаций", "для благотворительной ярмарки", "для мастер-класса",
    "для собрания членов организации",
]  # fmt: skip
THEMES = [
    "поддержка пожилых людей", "помощь семьям с детьми", "развитие добровольчества", "доступная среда",
    "экологическое просвещение", "сохранение исторической памяти", "детский и юношеский спорт",
    "профилактика социального сиротства", "помощь бездомным животным", "развитие сельских территорий",
    "поддержка людей с инвалидностью", "культура и искусство", "молодёжные инициативы",
    "здоровый образ жизни", "патриотическое воспитание", "развитие местного самоуправления",
]  # fmt: skip
FORMATS = [
    "клуб выходного дня", "школа наставников", "серия мастер-классов", "выездная программа",
    "ресурсный центр", "фестиваль", "образовательный курс", "онлайн-платформа", "летний лагерь",
    "мобильная служба помощи",
]  # fmt: skip
PLACES = [
    "Калуги", "Обнинска", "Малоярославца", "Боровска", "Людинова", "Козельска", "Жукова", "Кирова",
    "Сухиничей", "Тарусы", "Кондрово", "Медыни",
]  # fmt: skip
FUNDING = ["грантов", "субсидий", "президентских грантов", "муниципальных грантов", "премий"]


def offer_phrase(rng: random.Random, category: str) -> tuple[str, str]:
    """The title and the description of an offer (or a request) of `category`."""
    noun = rng.choice(OFFER_NOUNS[category])
    title = f"{rng.choice(ADJECTIVES).capitalize()} {noun} {rng.choice(PURPOSES)}"
    description = " ".join(
        f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(OFFER_NOUNS[category])} {rng.choice(PURPOSES)}."
        for _ in range(3)
    )
    return title, description


def competition_text(rng: random.Random, number: int) -> tuple[str, str]:
    """The title (unique by `number`) and the description of a grant competition."""
    theme = rng.choice(THEMES)
    title = f"Конкурс {rng.choice(FUNDING)} №{number + 1}: {theme}"
    description = (
        f"Поддерживаются проекты по направлению «{theme}» в Калужской области: "
        f"{rng.choice(FORMATS)}, {rng.choice(FORMATS)} и другие формы работы с жителями."
    )
    return title, description


def project_text(rng: random.Random, number: int) -> tuple[str, str]:
    """The title and the summary of a social project (the fair) or an appeal's subject and text."""
    theme = rng.choice(THEMES)
    form = rng.choice(FORMATS)
    place = rng.choice(PLACES)
    title = f"{form.capitalize()} «{theme.capitalize()}» для жителей {place} №{number + 1}"
    summary = (
        f"Проект о том, что волнует жителей {place}: {theme}. {form.capitalize()} объединит "
        f"волонтёров, семьи и местные организации; {rng.randint(20, 400)} участников за год."
    )
    return title, summary
