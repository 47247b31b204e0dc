"""What the checker works with: findings and their ranks, the Fund's evaluation criteria, the facts
of the competition, the project, the organisation and the region, and how money, shares and dates
are written in its messages."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import IntEnum
from typing import Any

Snapshot = dict[str, Any]

# The largest share of the requested amount one budget item that does not say what it buys
# («Прочие расходы») may take when no competition sets its own limit.
DEFAULT_VAGUE_ITEM_MAX_PERCENT = Decimal("20")


class Severity(IntEnum):
    BLOCKING = 1
    IMPORTANT = 2
    HINT = 3

    @property
    def label(self) -> str:
        return {1: "блокирующее", 2: "важное", 3: "подсказка"}[self.value]

    @property
    def css(self) -> str:
        return {1: "error", 2: "warn", 3: "ok"}[self.value]


@dataclass(frozen=True)
class Criterion:
    """One of the criteria the Fund's experts score (or the admission to the expert review).

    `low` and `remark` are what an expert would likely write when the criterion fails or has
    remarks; `clean` is said when the checker found nothing; a criterion that is not `automatic`
    cannot be judged from the text and `clean` says what to check by hand."""

    code: str
    number: int | None
    title: str
    low: str
    remark: str
    clean: str
    automatic: bool = True


# The Fund's criteria in the order of its evaluation sheet (Положение о конкурсе, раздел о
# критериях оценки заявок; see docs/grants-checker.md for the sources of the wording).
CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "admission",
        None,
        "Соответствие условиям конкурса",
        "заявка не соответствует требованиям положения о конкурсе и может быть не допущена "
        "к независимой экспертизе",
        "в оформлении заявки есть то, что вызовет вопросы",
        "Условия конкурса соблюдены.",
    ),
    Criterion(
        "relevance",
        1,
        "Актуальность и социальная значимость проекта",
        "актуальность и социальная значимость не доказаны: проблема описана общими фразами, "
        "без ссылок на конкретные факты",
        "проблема описана общими фразами, фактов и показателей недостаточно для заявленной "
        "целевой группы и территории",
        "По тексту заявки замечаний нет.",
    ),
    Criterion(
        "coherence",
        2,
        "Логическая связность и реализуемость проекта, соответствие мероприятий проекта его "
        "целям, задачам и ожидаемым результатам",
        "задачи, мероприятия и сроки не обеспечивают достижения цели, проект нереализуем в "
        "заявленном виде",
        "между целью, задачами, мероприятиями и сроками есть несоответствия",
        "По тексту заявки замечаний нет.",
    ),
    Criterion(
        "innovation",
        3,
        "Инновационность, уникальность проекта",
        "",
        "",
        "Платформа этого не проверяет: эксперт смотрит, чем подход отличается от того, что уже "
        "делают в регионе, — скажите об этом в кратком описании.",
        automatic=False,
    ),
    Criterion(
        "results",
        4,
        "Соотношение планируемых расходов на реализацию проекта и его ожидаемых результатов, "
        "адекватность, измеримость и достижимость таких результатов",
        "ожидаемые результаты не измеримы: нет количественных показателей, по которым можно "
        "проверить выполнение",
        "часть результатов не выражена в числах с единицами измерения",
        "По тексту заявки замечаний нет.",
    ),
    Criterion(
        "budget",
        5,
        "Реалистичность бюджета проекта и обоснованность планируемых расходов на реализацию "
        "проекта",
        "бюджет не детализирован, планируемые расходы не обоснованы",
        "часть расходов не расписана или не сходится с суммами заявки",
        "По тексту заявки замечаний нет.",
    ),
    Criterion(
        "scale",
        6,
        "Масштаб реализации проекта",
        "",
        "",
        "Платформа этого не проверяет: эксперт соотносит географию и число благополучателей с "
        "запрашиваемой суммой.",
        automatic=False,
    ),
    Criterion(
        "contribution",
        7,
        "Собственный вклад организации и дополнительные ресурсы, привлекаемые на реализацию "
        "проекта, перспективы его дальнейшего развития",
        "собственный вклад и дополнительные ресурсы не подтверждены",
        "источники софинансирования не описаны или вклад мал",
        "По тексту заявки замечаний нет.",
    ),
    Criterion(
        "track_record",
        8,
        "Опыт организации по успешной реализации программ, проектов по соответствующему "
        "направлению деятельности",
        "опыт организации не подтверждён",
        "опыт организации невелик",
        "По данным реестра замечаний нет; эксперт будет искать проекты, которые организация "
        "уже реализовала по этому направлению.",
    ),
    Criterion(
        "team",
        9,
        "Соответствие опыта и компетенций команды проекта планируемой деятельности",
        "команда проекта не описана, её опыт и компетенции не подтверждены",
        "опыт части команды не описан",
        "По тексту заявки замечаний нет.",
    ),
    Criterion(
        "openness",
        10,
        "Информационная открытость организации",
        "сведений о деятельности организации в открытом доступе нет",
        "сведений об организации в интернете мало",
        "По данным профиля организации замечаний нет.",
    ),
)
CRITERIA_BY_CODE = {criterion.code: criterion for criterion in CRITERIA}


@dataclass(frozen=True)
class Finding:
    severity: Severity
    field: str  # the form field or part it points at: "goal", "tasks", "budget_items"…
    message: str
    code: str
    criterion: str = "admission"

    @property
    def anchor(self) -> str:
        return f"part-{self.field}"


@dataclass(frozen=True)
class CompetitionRules:
    direction_ids: frozenset[int] = frozenset()
    applications_close_on: date | None = None
    implementation_starts_from: date | None = None
    implementation_ends_by: date | None = None
    min_amount: Decimal | None = None
    max_amount: Decimal | None = None
    cofinancing_min_percent: Decimal = Decimal("0")
    vague_budget_item_max_percent: Decimal = DEFAULT_VAGUE_ITEM_MAX_PERCENT


@dataclass(frozen=True)
class ProjectFacts:
    covers_whole_region: bool = False
    municipality_names: frozenset[str] = frozenset()
    target_groups: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class OrganizationFacts:
    """What the registry knows of the applicant (its profile on the platform)."""

    name: str = ""
    registered_on: date | None = None
    website: str = ""
    social_links: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegionFacts:
    """The cluster's region and the names of its municipalities, to tell where people live."""

    name: str = ""
    places: frozenset[str] = frozenset()


def decimal_of(value: Any) -> Decimal:
    try:
        return Decimal(str(value or "0"))
    except InvalidOperation:
        return Decimal("0")


def date_of(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def ru_money(amount: Decimal) -> str:
    whole, _dot, kopecks = f"{amount:.2f}".partition(".")
    return f"{int(whole):,}".replace(",", " ") + f",{kopecks} ₽"


def ru_percent(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.1')):f}".removesuffix(".0")
    return text.replace(".", ",")


def ru_date(value: date) -> str:
    return value.strftime("%d.%m.%Y")


def quoted(text: str, limit: int = 60) -> str:
    """«text», cut at a word boundary with «…» when longer than `limit`."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f"«{text}»"


def numbers_text(numbers: list[int]) -> str:
    """[2, 3, 4] -> «2, 3 и 4»."""
    items = [str(n) for n in numbers]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " и " + items[-1]
