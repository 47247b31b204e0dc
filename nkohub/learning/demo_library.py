"""Demo library and webinar recordings: twelve materials whose files are made at load time (PDF with
WeasyPrint, Word, Excel, a Windows-1251 text), uploaded through the services so that they get their
previews, and three recordings with VK Video / RuTube embeds. Marked as demo; a second run changes
nothing (materials and recordings are found by title)."""

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from nkohub.core.demo_context import DemoContext
from nkohub.learning import sample_files, services
from nkohub.learning.models import Course, Lesson, Material, Recording
from nkohub.learning.reference import topic

# (title, kind, topics, tags, file name, how the file is made, its text, description)
MATERIALS: list[dict[str, Any]] = [
    {
        "title": "Как составить смету проекта для Фонда президентских грантов",
        "kind": "document",
        "topics": ["grants"],
        "tags": "смета, бюджет, ФПГ",
        "file": "Смета проекта ФПГ — методичка.pdf",
        "text": [
            "Смета проекта — это не приложение к заявке, а её расчётная часть: каждая статья расходов "
            "должна вытекать из задач и мероприятий календарного плана.",
            "Статьи Фонда: оплата труда, командировки, офисные расходы, приобретение и аренда "
            "имущества, издательские и полиграфические услуги, прочие прямые расходы.",
            "Софинансирование — собственные средства, работа добровольцев, бесплатно предоставленные "
            "помещения и оборудование партнёров; каждое подтверждается письмом или договором.",
            "Типичные ошибки калужских заявок 2025 года: оплата труда без расчёта часов, "
            "приобретение оборудования без обоснования, проценты вместо сумм.",
        ],
        "description": "Разбор статей сметы Фонда президентских грантов с примерами из заявок "
        "организаций Калужской области.",
    },
    {
        "title": "Шаблон договора пожертвования",
        "kind": "template",
        "topics": ["fundraising", "accounting"],
        "tags": "договор, пожертвования",
        "file": "Договор пожертвования — шаблон.docx",
        "text": [
            "г. Калуга «___» __________ 2026 г.",
            "Жертвователь передаёт Благополучателю денежные средства в качестве пожертвования "
            "в соответствии со статьёй 582 Гражданского кодекса Российской Федерации.",
            "Пожертвование используется на уставные цели Благополучателя; Благополучатель ведёт "
            "обособленный учёт операций с пожертвованием.",
        ],
        "description": "Договор для пожертвований от организаций и граждан с условием о целевом "
        "использовании и отчёте жертвователю.",
    },
    {
        "title": "Чек-лист: проверьте заявку перед отправкой",
        "kind": "checklist",
        "topics": ["grants", "social-projects"],
        "tags": "заявка, проверка, ФПГ",
        "file": "Чек-лист проверки заявки.docx",
        "text": [
            "Проблема описана с цифрами по Калужской области и ссылками на источники.",
            "Цель одна, измерима и достижима за срок проекта.",
            "Каждая задача ведёт к цели, каждое мероприятие — к задаче.",
            "Количественные результаты совпадают в описании, календарном плане и смете.",
            "Письма партнёров приложены и подписаны.",
        ],
        "description": "Двадцать вопросов, которые эксперт задаст заявке, — ответьте на них до "
        "эксперта.",
    },
    {
        "title": "Шаблон сметы проекта (Excel)",
        "kind": "template",
        "topics": ["grants"],
        "tags": "смета, бюджет",
        "file": "Смета проекта — шаблон.xlsx",
        "rows": [
            [
                "Статья расходов",
                "Количество",
                "Цена, руб.",
                "Сумма, руб.",
                "Софинансирование, руб.",
            ],
            ["Оплата труда координатора", 12, 35000, 420000, 0],
            ["Аренда зала для тренингов", 10, 5000, 50000, 50000],
            ["Печать раздаточных материалов", 300, 40, 12000, 0],
            ["Транспортные расходы", 8, 3500, 28000, 0],
        ],
        "description": "Таблица по статьям Фонда с формулами итогов и столбцом софинансирования.",
    },
    {
        "title": "Учётная политика НКО: образец",
        "kind": "document",
        "topics": ["accounting"],
        "tags": "бухгалтерия, учётная политика",
        "file": "Учётная политика НКО.pdf",
        "text": [
            "Настоящая учётная политика разработана в соответствии с Федеральным законом "
            "«О бухгалтерском учёте» и ПБУ 1/2008.",
            "Организация применяет упрощённые способы ведения бухгалтерского учёта, включая "
            "упрощённую бухгалтерскую (финансовую) отчётность.",
            "Целевые поступления учитываются на счёте 86 обособленно по каждому источнику.",
        ],
        "description": "Образец учётной политики для небольшой некоммерческой организации на "
        "упрощённой системе налогообложения.",
    },
    {
        "title": "Памятка: как написать пресс-релиз о событии НКО",
        "kind": "checklist",
        "topics": ["media"],
        "tags": "СМИ, пресс-релиз",
        "file": "Пресс-релиз — памятка.txt",
        "encoding": "cp1251",
        "text": [
            "Заголовок: что случилось и почему это важно жителям Калужской области.",
            "Первый абзац отвечает на вопросы: кто, что, где, когда, зачем.",
            "Цитата руководителя — живая речь, а не канцелярит.",
            "Контакты для журналистов: имя, телефон, когда удобно звонить.",
            "Фотографии — отдельными файлами, с подписями и именем автора.",
        ],
        "description": "Одна страница о том, что журналист ищет в пресс-релизе в первые десять "
        "секунд.",
    },
    {
        "title": "Платные услуги НКО: с чего начать",
        "kind": "presentation",
        "topics": ["paid-services"],
        "tags": "платные услуги, устав",
        "file": "Платные услуги НКО — презентация.pdf",
        "text": [
            "Приносящая доход деятельность должна быть предусмотрена уставом и служить уставным "
            "целям.",
            "Цену услуги считают от себестоимости: оплата труда, аренда, материалы, налоги.",
            "Договор с получателем услуги, акт, чек — три документа каждой оплаты.",
        ],
        "description": "Слайды вебинара о том, как НКО начать оказывать платные услуги, не "
        "теряя статуса и льгот.",
    },
    {
        "title": "Шаблон пресс-релиза",
        "kind": "template",
        "topics": ["media"],
        "tags": "СМИ, пресс-релиз, шаблон",
        "file": "Пресс-релиз — шаблон.docx",
        "text": [
            "ПРЕСС-РЕЛИЗ · для немедленного распространения",
            "Заголовок: событие и его значение для жителей",
            "Калуга, [дата]. [Организация] проводит [событие] для [кого]...",
            "Контакты для СМИ: [имя], [телефон], [e-mail]",
        ],
        "description": "Готовая структура пресс-релиза со справкой об организации.",
    },
    {
        "title": "Как войти в реестр поставщиков социальных услуг Калужской области",
        "kind": "document",
        "topics": ["social-services"],
        "tags": "социальные услуги, реестр, компенсация",
        "file": "Реестр поставщиков социальных услуг.pdf",
        "text": [
            "Включение в реестр поставщиков социальных услуг даёт право на компенсацию за "
            "услуги, оказанные получателям по индивидуальной программе.",
            "Документы подаются в министерство труда и социальной защиты Калужской области.",
            "Стандарт услуги определяет её объём, сроки и требования к персоналу.",
        ],
        "description": "Пошаговый путь некоммерческой организации в реестр поставщиков и к "
        "компенсации за оказанные социальные услуги.",
    },
    {
        "title": "Чек-лист: признаки мошенничества с пожертвованиями",
        "kind": "checklist",
        "topics": ["fraud-prevention", "fundraising"],
        "tags": "мошенничество, пожертвования",
        "file": "Мошенничество с пожертвованиями — чек-лист.docx",
        "text": [
            "Сбор от имени вашей организации в чужих соцсетях или на чужую карту.",
            "Поддельные ящики для пожертвований в торговых центрах.",
            "Звонки «из фонда» с просьбой срочно перевести деньги.",
            "Что делать: публичное предупреждение, заявление в полицию, сообщение площадке.",
        ],
        "description": "Как распознать сборы от имени вашей НКО и что делать, если это случилось.",
    },
    {
        "title": "Календарный план проекта: шаблон",
        "kind": "template",
        "topics": ["project-management"],
        "tags": "календарный план, управление проектом",
        "file": "Календарный план — шаблон.xlsx",
        "rows": [
            ["Задача", "Мероприятие", "Начало", "Окончание", "Ожидаемый результат"],
            [
                "Подготовить волонтёров",
                "Обучающий тренинг",
                "01.03.2027",
                "15.03.2027",
                "20 волонтёров",
            ],
            ["Провести акцию", "Субботник в Калуге", "20.04.2027", "20.04.2027", "150 участников"],
        ],
        "description": "Таблица календарного плана в логике заявки: задача, мероприятие, сроки, "
        "результат.",
    },
    {
        "title": "Дерево проблем и целей: рабочая тетрадь",
        "kind": "document",
        "topics": ["social-projects"],
        "tags": "проектирование, дерево проблем",
        "file": "Дерево проблем — рабочая тетрадь.pdf",
        "text": [
            "Начните с центральной проблемы целевой группы, а не с недостатка денег у организации.",
            "Причины — корни дерева, последствия — ветви; каждую причину проверьте данными.",
            "Дерево целей получается переворотом дерева проблем: причина становится задачей.",
        ],
        "description": "Упражнения для команды проекта: от проблемы целевой группы к цели и задачам.",
    },
]

RECORDINGS: list[dict[str, Any]] = [
    {
        "title": "Вебинар: заявка на второй конкурс Фонда президентских грантов 2026 года",
        "held_on": dt.date(2026, 10, 15),
        "speakers": "Ольга Миронова (Калужский ресурсный центр НКО), "
        "Сергей Ильин (эксперт Фонда президентских грантов)",
        "minutes": 95,
        "topic": "grants",
        "embed_url": "https://rutube.ru/video/7c3f1a2b9d8e4f60a1b2c3d4e5f60718/",
        "slides": "Как составить смету проекта для Фонда президентских грантов",
        "description": "Что изменилось в положении о конкурсе, как выбрать направление, как "
        "обосновать смету. Ответы на вопросы участников из Калуги, Обнинска и Людинова.",
    },
    {
        "title": "Бухгалтерия НКО: отчёты в Минюст и налоговую",
        "held_on": dt.date(2026, 9, 24),
        "speakers": "Наталья Кузнецова (главный бухгалтер, АНО «Добрые руки»)",
        "minutes": 80,
        "topic": "accounting",
        "embed_url": "https://vk.com/video-218434501_456239017",
        "slides": "Учётная политика НКО: образец",
        "description": "Формы ОН0001 и ОН0002, упрощённая бухгалтерская отчётность, сроки и "
        "штрафы. Разбор типичных ошибок.",
    },
    {
        "title": "Работа со СМИ: как НКО попасть в региональные новости",
        "held_on": dt.date(2026, 11, 19),
        "speakers": "Анна Белова (редактор регионального информационного агентства)",
        "minutes": 70,
        "topic": "media",
        "embed_url": "https://rutube.ru/video/0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f50/",
        "slides": "",
        "description": "Какие поводы берут редакции, как писать журналисту, что делать после "
        "публикации.",
    },
]

# demo course → materials attached to its first lesson
ATTACHED = {
    "pfg-application": [
        "Как составить смету проекта для Фонда президентских грантов",
        "Чек-лист: проверьте заявку перед отправкой",
    ],
    "nko-media": ["Памятка: как написать пресс-релиз о событии НКО", "Шаблон пресс-релиза"],
    "nko-accounting-basics": ["Учётная политика НКО: образец"],
}


def _content(spec: dict[str, Any]) -> bytes:
    name = spec["file"]
    if name.endswith(".pdf"):
        return sample_files.pdf_file(spec["title"], spec["text"])
    if name.endswith(".docx"):
        return sample_files.docx_file(spec["title"], spec["text"])
    if name.endswith(".xlsx"):
        return sample_files.xlsx_file(spec["title"][:31], spec["rows"])
    return sample_files.text_file(spec["text"], encoding=spec.get("encoding", "utf-8"))


def _material(actor: Any, spec: dict[str, Any]) -> Material:
    found = Material.objects.filter(title=spec["title"], is_demo=True).first()
    if found is not None:
        return found
    made = services.material_create(
        actor=actor,
        upload=SimpleUploadedFile(spec["file"], _content(spec)),
        title=spec["title"],
        kind=spec["kind"],
        description=spec["description"],
        topics=[topic(slug) for slug in spec["topics"]],
        tags=spec["tags"],
    )
    Material.objects.filter(pk=made.pk).update(is_demo=True)
    services.material_set_status(actor=actor, material=made, status=Material.Status.PUBLISHED)
    return made


def _recording(actor: Any, spec: dict[str, Any], materials: dict[str, Material]) -> Recording:
    found = Recording.objects.filter(title=spec["title"], is_demo=True).first()
    if found is not None:
        return found
    made = services.recording_create(
        actor=actor,
        title=spec["title"],
        held_on=spec["held_on"],
        speakers=spec["speakers"],
        minutes=spec["minutes"],
        topic=topic(spec["topic"]),
        embed_url=spec["embed_url"],
        slides=materials.get(spec["slides"]),
        description=spec["description"],
    )
    Recording.objects.filter(pk=made.pk).update(is_demo=True)
    services.recording_set_status(actor=actor, recording=made, status=Recording.Status.PUBLISHED)
    return made


def _attach(actor: Any, materials: dict[str, Material]) -> None:
    for slug, titles in ATTACHED.items():
        course = Course.objects.filter(slug=slug).first()
        lesson = (
            Lesson.objects.filter(module__course=course, archived_at__isnull=True)
            .order_by("module__position", "module__pk", "position", "pk")
            .first()
        )
        if lesson is None:
            continue
        attached = set(lesson.materials.values_list("title", flat=True))
        for title in titles:
            if title in materials and title not in attached:
                services.lesson_material_attach(
                    actor=actor, lesson=lesson, material=materials[title]
                )


def load(ctx: DemoContext) -> None:
    operator = ctx.users["operator"]
    uploader = ctx.users.get("expert", operator)
    materials = {
        spec["title"]: _material(uploader if spec["kind"] == "checklist" else operator, spec)
        for spec in MATERIALS
    }
    for spec in RECORDINGS:
        _recording(operator, spec, materials)
    _attach(operator, materials)
