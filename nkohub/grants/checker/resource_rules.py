"""Money and people: the budget's sums and detail (criterion 5), the organisation's own
contribution (7), its track record (8), the team (9) and information openness (10)."""

import re
from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal

from nkohub.grants.checker.base import (
    DEFAULT_VAGUE_ITEM_MAX_PERCENT,
    CompetitionRules,
    Finding,
    OrganizationFacts,
    Severity,
    Snapshot,
    decimal_of,
    quoted,
    ru_date,
    ru_money,
    ru_percent,
)
from nkohub.grants.checker.language import content_lemmas

# Names of budget items that do not say what the money buys.
VAGUE_ITEM_RE = re.compile(
    r"прочи|проч\.|иные\s+расход|други[ех]\s+расход|разн[ыо]|непредвиден|накладн|"
    r"хозяйственн|общие\s+расход|^расходы(\s+(по|на)\s+(проект|реализаци)\w*)?$|^затраты$",
    re.IGNORECASE,
)
# A budget of one item hides its structure once the amount is larger than this.
SINGLE_ITEM_FROM = Decimal("300000")
# A team member's experience shorter than this (characters) says nothing.
SHORTEST_EXPERIENCE = 20


def _is_vague(item: dict[str, str]) -> bool:
    name = " ".join(str(item.get("name") or "").split())
    if VAGUE_ITEM_RE.search(name):
        return True
    return item.get("category") == "other" and len(content_lemmas(name) - {"расход"}) == 0


def check_budget(doc: Snapshot, rules: CompetitionRules | None) -> Iterable[Finding]:
    requested = decimal_of(doc.get("requested_amount"))
    cofinancing = decimal_of(doc.get("cofinancing_amount"))
    total = decimal_of(doc.get("total_amount"))
    items = doc.get("budget_items", [])
    if items:
        budget_sum = sum((decimal_of(item["amount"]) for item in items), Decimal("0"))
        if budget_sum != requested:
            yield Finding(
                Severity.BLOCKING,
                "budget_items",
                f"Статьи бюджета в сумме дают {ru_money(budget_sum)}, а запрашивается "
                f"{ru_money(requested)} (разница {ru_money(abs(budget_sum - requested))}).",
                "budget_mismatch",
                "budget",
            )
        items_cofinancing = sum((decimal_of(item["cofinancing"]) for item in items), Decimal("0"))
        if items_cofinancing and items_cofinancing != cofinancing:
            yield Finding(
                Severity.IMPORTANT,
                "budget_items",
                f"Софинансирование по статьям бюджета — {ru_money(items_cofinancing)}, а в "
                f"заявке указано {ru_money(cofinancing)}.",
                "cofinancing_items_mismatch",
                "budget",
            )
        yield from _budget_detail(items, requested, rules)
    if total and total != requested + cofinancing:
        yield Finding(
            Severity.IMPORTANT,
            "total_amount",
            f"Общая сумма расходов ({ru_money(total)}) не равна запрашиваемой сумме плюс "
            f"софинансирование ({ru_money(requested + cofinancing)}).",
            "total_mismatch",
            "budget",
        )


def _budget_detail(
    items: list[dict[str, str]], requested: Decimal, rules: CompetitionRules | None
) -> Iterable[Finding]:
    if requested <= 0:
        return
    limit = rules.vague_budget_item_max_percent if rules else DEFAULT_VAGUE_ITEM_MAX_PERCENT
    whose = "условия конкурса допускают" if rules else "эксперты принимают"
    for item in items:
        amount = decimal_of(item["amount"])
        share = amount * 100 / requested
        if _is_vague(item) and share > limit:
            yield Finding(
                Severity.BLOCKING,
                "budget_items",
                f"Статья {item['position']} {quoted(item['name'])} — {ru_money(amount)}, "
                f"{ru_percent(share)} % запрашиваемой суммы, а {whose} в одной статье без "
                f"расшифровки не больше {ru_percent(limit)} %. Распишите, что покупается, "
                "сколько и по какой цене.",
                "budget_vague_item",
                "budget",
            )
    if len(items) == 1 and requested >= SINGLE_ITEM_FROM:
        yield Finding(
            Severity.IMPORTANT,
            "budget_items",
            f"Весь бюджет ({ru_money(requested)}) — одна статья: эксперт не увидит, из чего "
            "складываются расходы и соответствуют ли они мероприятиям.",
            "budget_single_item",
            "budget",
        )


def check_contribution(doc: Snapshot, rules: CompetitionRules | None) -> Iterable[Finding]:
    cofinancing = decimal_of(doc.get("cofinancing_amount"))
    sources = str(doc.get("cofinancing_sources") or "").strip()
    if cofinancing > 0 and not sources:
        yield Finding(
            Severity.IMPORTANT,
            "cofinancing_sources",
            f"Софинансирование указано ({ru_money(cofinancing)}), но не сказано, кто и чем его "
            "обеспечит: без источников эксперт не засчитает вклад.",
            "cofinancing_sources_missing",
            "contribution",
        )
    required = rules.cofinancing_min_percent if rules else Decimal("0")
    if cofinancing <= 0 and not sources and required <= 0:
        yield Finding(
            Severity.HINT,
            "cofinancing_sources",
            "Ни собственного вклада, ни софинансирования нет: по критерию «Собственный вклад "
            "организации и дополнительные ресурсы» это низший балл. Учтите хотя бы помещение, "
            "труд добровольцев и помощь партнёров.",
            "no_contribution",
            "contribution",
        )


def check_team(doc: Snapshot) -> Iterable[Finding]:
    team = doc.get("team", [])
    if not team:
        yield Finding(
            Severity.BLOCKING,
            "team",
            "В заявке нет команды проекта: эксперт не сможет оценить опыт и компетенции тех, "
            "кто будет его выполнять. Укажите хотя бы руководителя проекта.",
            "team_missing",
            "team",
        )
        return
    for member in team:
        if len(str(member.get("experience") or "").strip()) < SHORTEST_EXPERIENCE:
            yield Finding(
                Severity.IMPORTANT,
                "team",
                f"У члена команды «{member['name']}» ({member['role']}) не описаны опыт и "
                "компетенции: напишите, что он уже делал по теме проекта.",
                "team_member_without_experience",
                "team",
            )
    if not any("руковод" in str(member.get("role") or "").lower() for member in team):
        yield Finding(
            Severity.HINT,
            "team",
            "В команде не указан руководитель проекта.",
            "team_without_leader",
            "team",
        )


def check_organization(
    organization: OrganizationFacts | None, rules: CompetitionRules | None
) -> Iterable[Finding]:
    if organization is None:
        return
    if not organization.website and not organization.social_links:
        yield Finding(
            Severity.IMPORTANT,
            "organization",
            "В профиле организации на платформе нет ни сайта, ни страниц в социальных сетях: "
            "эксперт найдёт о её работе мало сведений. Добавьте их в профиль организации.",
            "organization_not_public",
            "openness",
        )
    closes = rules.applications_close_on if rules else None
    registered = organization.registered_on
    if closes and registered and registered > closes - timedelta(days=365):
        yield Finding(
            Severity.HINT,
            "organization",
            f"Организация зарегистрирована {ru_date(registered)} — меньше чем за год до "
            "окончания приёма заявок: опыт эксперты будут оценивать по команде и партнёрам, "
            "опишите их подробно.",
            "young_organization",
            "track_record",
        )
