"""Survey templates: the needs questionnaire with the sixteen problem zones (a ranking question) and the
interview guide for NGO leaders (activities, partners, problems), as in the sector's research
(shared/DOMAIN.md). `services.survey_create_from_blueprint` builds a survey from one of them; the
operator edits the copy like any survey. The texts are content in the region's language, not
interface strings."""

from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from nkohub.surveys.models import Question, Survey

K = Question.Kind


@dataclass(frozen=True)
class QuestionSpec:
    key: str
    kind: str
    text: str
    options: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()
    required: bool = False
    section: str = ""
    help_text: str = ""
    rank_limit: int | None = None
    zones: bool = False  # the options are the problem zones, in their order
    show_if: tuple[str, str] | None = None  # (key of an earlier question, label of its option)


@dataclass(frozen=True)
class Blueprint:
    key: str
    name: Promise
    title: str
    description: str
    purpose: str
    is_anonymous: bool = False
    questions: tuple[QuestionSpec, ...] = field(default=())


NEEDS = Blueprint(
    key="needs",
    name=_("Needs questionnaire (sixteen problem zones)"),
    title="Потребности НКО региона",
    description=(
        "Опрос ресурсного центра о том, что мешает работе некоммерческих организаций и какая "
        "поддержка нужна. Один ответ от организации; ответы можно сохранить и вернуться к ним."
    ),
    purpose=Survey.Purpose.NEEDS,
    questions=(
        QuestionSpec(
            "zones",
            K.RANKING,
            "Выберите пять проблем, которые сильнее всего мешают работе вашей организации, и "
            "расставьте их по важности (1 — самая острая)",
            zones=True,
            rank_limit=5,
            required=True,
            section="Проблемы",
        ),
        QuestionSpec(
            "staff",
            K.NUMBER,
            "Сколько человек работает в организации (штат и постоянные добровольцы)?",
        ),
        QuestionSpec(
            "topics",
            K.MULTIPLE,
            "Каким темам вы хотели бы учиться?",
            options=(
                "Противодействие мошенничеству",
                "Платные услуги",
                "Компенсация за оказание социальных услуг",
                "Проектирование социальных проектов",
                "Бухгалтерия НКО",
                "Фандрайзинг, в том числе массовый",
                "PR, работа со СМИ и заинтересованными сторонами",
            ),
            section="Обучение и связи",
        ),
        QuestionSpec(
            "ties",
            K.MULTIPLE,
            "Какие связи с другими НКО вам нужны?",
            options=(
                "Партнёрские проекты",
                "Обмен опытом",
                "Коалиции",
                "Группы и рассылки",
                "Приглашения на мероприятия",
                "Обмен ресурсами и информацией",
                "Стажировки",
                "Консультирование",
            ),
        ),
        QuestionSpec(
            "evaluation",
            K.SINGLE,
            "Оценивает ли организация результаты своей работы?",
            options=("Нет", "Да, самооценка", "Да, с внешними экспертами"),
            required=True,
            section="Оценка и гранты",
        ),
        QuestionSpec(
            "pfg",
            K.SINGLE,
            "Подавала ли организация заявки в Фонд президентских грантов за последние три года?",
            options=("Да", "Нет"),
        ),
        QuestionSpec(
            "pfg_count",
            K.NUMBER,
            "Сколько заявок подано за три года?",
            show_if=("pfg", "Да"),
        ),
        QuestionSpec(
            "cooperation",
            K.MATRIX,
            "Как вы оцениваете взаимодействие организации с…",
            rows=("Региональной властью", "Местной властью", "Бизнесом", "СМИ", "Другими НКО"),
            options=("Нет взаимодействия", "Эпизодическое", "Регулярное"),
        ),
        QuestionSpec(
            "support",
            K.SCALE,
            "Насколько вам помогает ресурсный центр (1 — совсем не помогает, 5 — очень помогает)?",
        ),
        QuestionSpec("wishes", K.TEXT, "Что ещё ресурсному центру стоит делать для вас?"),
    ),
)

INTERVIEW = Blueprint(
    key="interview",
    name=_("Interview guide for NGO leaders"),
    title="Интервью с руководителями НКО",
    description=(
        "Путеводитель полуструктурированного интервью: деятельность, партнёры, проблемы. Интервьюер "
        "заносит ответы руководителя; каждый ответ — несколько предложений."
    ),
    purpose=Survey.Purpose.INTERVIEW,
    questions=(
        QuestionSpec(
            "capacity",
            K.TEXT,
            "Организационный потенциал и ресурсы: люди, помещения, оборудование",
            section="Деятельность",
        ),
        QuestionSpec("services", K.TEXT, "Какие услуги вы оказываете и какие проекты ведёте?"),
        QuestionSpec(
            "potential", K.TEXT, "Каков потенциал социальной сферы региона, НКО, культуры и спорта?"
        ),
        QuestionSpec(
            "social_problems", K.TEXT, "Какие социальные проблемы региона сейчас самые острые?"
        ),
        QuestionSpec("where_needed", K.TEXT, "Где региону больше всего нужны НКО?"),
        QuestionSpec(
            "difficulties",
            K.TEXT,
            "С какими главными трудностями сталкивается организация?",
            section="Проблемы",
        ),
        QuestionSpec("teaching", K.TEXT, "Можете ли вы учить других (опыт, тренеры, программы)?"),
        QuestionSpec(
            "partners", K.TEXT, "С какими НКО вы работаете в партнёрстве и как?", section="Партнёры"
        ),
        QuestionSpec(
            "funding",
            K.MULTIPLE,
            "Источники финансирования",
            options=(
                "Президентские гранты",
                "Региональные субсидии",
                "Муниципальные субсидии",
                "Частные фонды",
                "Бизнес",
                "Пожертвования граждан",
                "Платные услуги",
                "Членские взносы",
            ),
        ),
        QuestionSpec(
            "openness", K.TEXT, "Открытость: сайт, социальные сети, каналы обратной связи"
        ),
        QuestionSpec(
            "infrastructure", K.TEXT, "Хватает ли площадок для мероприятий и встреч с коллегами?"
        ),
        QuestionSpec("evaluation", K.TEXT, "Оцениваете ли вы свою деятельность, и как?"),
    ),
)

BLUEPRINTS: dict[str, Blueprint] = {b.key: b for b in (NEEDS, INTERVIEW)}
