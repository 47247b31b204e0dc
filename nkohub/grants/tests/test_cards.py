"""Parsing the Fund's project cards as people copy them, noise included (pure: no database)."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from nkohub.grants.card_import import read_card_file
from nkohub.grants.cards import clean_lines, fix_lookalikes, parse_amount, parse_card, parse_date
from nkohub.grants.tests.conftest import CARDS


def card(name: str) -> Any:
    return parse_card((CARDS / name).read_text(encoding="utf-8"))


def test_a_clean_winners_card_is_read_completely() -> None:
    parsed = card("01_winner_clean.txt")
    assert parsed.problems == []
    values = parsed.values
    assert values["status"] == "won"
    assert values["title"].startswith("Тропа памяти")
    assert values["fund_number"] == "23-1-004417"
    assert values["submitted_on"] == date(2022, 9, 15)
    assert values["requested_amount"] == Decimal("1486230.00")
    assert (values["starts_on"], values["ends_on"]) == (date(2023, 3, 1), date(2023, 12, 31))
    assert values["inn"] == "4063520803"
    assert values["ogrn"] == "1124043899198"
    assert len(values["tasks"]) == 3
    assert values["tasks"][1].startswith("Провести восемь")
    assert values["target_groups"] == [
        "Школьники 14–17 лет",
        "Студенты колледжей и вузов",
        "Родственники погибших бойцов",
    ]


def test_markup_nbsp_bullets_and_latin_lookalikes_are_cleaned() -> None:
    parsed = card("02_not_supported_markup.html")
    assert parsed.problems == []
    values = parsed.values
    assert values["status"] == "not_supported"
    assert values["title"] == (
        "Семейный клуб «Вместе» для семей, воспитывающих детей с инвалидностью"
    )
    assert "e" not in values["title"]  # the Latin «e» in «Сeмейный» became Cyrillic
    assert values["requested_amount"] == Decimal("2750000.00")
    assert values["cofinancing_amount"] == Decimal("918400.50")
    assert values["total_amount"] == Decimal("3668400.50")  # narrow no-break spaces
    assert values["inn"] == "4072312920"  # label «ИHH» with Latin H
    assert values["ogrn"] == "1124056537659"  # label «OГРН» with Latin O
    assert values["tasks"][0] == "Организовать 48 встреч семейного клуба."  # «Зaдачи», bullets
    assert values["geography"] == "Обнинск"


def test_every_unreadable_field_is_reported_and_none_is_guessed() -> None:
    parsed = card("03_missing_sections.txt")
    reasons = {p.field: p.reason for p in parsed.problems}
    assert set(reasons) == {
        "fund_number",
        "submitted_on",
        "cofinancing_amount",
        "starts_on",
        "ends_on",
        "inn",
        "social_significance",
        "geography",
    }
    assert "24-1-01290" in reasons["fund_number"]
    assert "контрольная цифра" in reasons["inn"]
    assert "около трехсот тысяч" in reasons["cofinancing_amount"]
    assert "01.02.2024 - 31.12.2023" in reasons["starts_on"]
    for field in reasons:
        assert field not in parsed.values
    assert parsed.values["title"].startswith("Школа НКО")  # not the «Поделиться» line above
    assert parsed.values["requested_amount"] == Decimal("987654.30")
    assert parsed.values["tasks"][1] == (
        "Организовать 30 консультаций по подготовке заявок на конкурсы грантов."
    )


def test_markdown_headings_bold_labels_and_nonbreaking_hyphens() -> None:
    parsed = card("04_submitted_markdown.md")
    assert parsed.problems == []
    assert parsed.values["status"] == "submitted"
    assert parsed.values["fund_number"] == "25-2-000731"
    assert parsed.values["inn"] == "4023733202"  # «**ИНН** 4023733202», no colon
    assert parsed.values["starts_on"] == date(2025, 8, 1)  # «с 01.08.2025 по 31.07.2026»
    assert parsed.values["requested_amount"] == Decimal("640000.00")


def test_json_has_amounts_with_two_decimals_and_iso_dates() -> None:
    data = card("01_winner_clean.txt").as_json()
    assert data["requested_amount"] == "1486230.00"
    assert data["cofinancing_amount"] == "412500.00"
    assert data["submitted_on"] == "2022-09-15"
    assert data["ends_on"] == "2023-12-31"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 321 441,50", Decimal("3321441.50")),
        ("3 321 441,5 руб.", Decimal("3321441.50")),
        ("640 000 ₽", Decimal("640000.00")),
        ("1 984 300,00 ?", Decimal("1984300.00")),
        ("1486230.00", Decimal("1486230.00")),
        ("1 200 000,00 рублей", Decimal("1200000.00")),
        ("около трехсот тысяч", None),
        ("3 32 441,50", None),
        ("", None),
    ],
)
def test_amounts_in_the_russian_format(text: str, expected: Decimal | None) -> None:
    assert parse_amount(text) == expected


def test_impossible_dates_are_not_read() -> None:
    assert parse_date("31.02.2023") is None
    assert parse_date("дата: 01.03.2023") == date(2023, 3, 1)


def test_lookalikes_are_fixed_only_inside_cyrillic_text() -> None:
    assert fix_lookalikes("Cтатус прoекта") == "Статус проекта"
    assert fix_lookalikes("Telegram") == "Telegram"
    assert fix_lookalikes("сайт http://example.org/Cover") == "сайт http://example.org/Cover"


def test_markup_lines_are_dropped() -> None:
    lines = clean_lines("<div class='x'>\n**Конкурс:** Первый\n---\n• пункт\n</div>\n&nbsp;")
    assert lines == ["Конкурс: Первый", "пункт"]


def test_a_card_without_status_line_says_so() -> None:
    parsed = parse_card("Проект без статуса\nКонкурс: Первый конкурс 2023\n")
    assert parsed.values["title"] == "Проект без статуса"
    assert [p.reason for p in parsed.problems if p.field == "status"] == [
        "строка статуса не найдена"
    ]


def test_a_card_copied_from_the_funds_site_is_read_with_labels_and_values_on_one_line() -> None:
    parsed = card("06_site_copy_no_colons.txt")
    assert parsed.problems == []
    values = parsed.values
    assert values["status"] == "won"
    assert values["title"] == (
        "Добрые соседи Людинова: сельское добровольчество для одиноких пожилых людей"
    )  # not the site's menu above it
    assert values["competition"] == "Первый конкурс 2023"  # «• Конкурс Первый конкурс 2023»
    assert values["direction"] == "Развитие институтов гражданского общества"
    assert values["organization"].startswith("НЕКОММЕРЧЕСКОЕ ПАРТНЕРСТВО")
    assert values["rating"] == "71,50"
    assert values["fund_number"] == "23-1-012905"  # non-breaking hyphens
    assert values["awarded_amount"] == Decimal("3321441.50")
    assert values["cofinancing_amount"] == Decimal("1126000.00")  # «Cофинансирование», Latin C
    assert values["transferred_amount"] == Decimal("3321441.50")
    assert "requested_amount" not in values  # a winner's card shows the grant instead
    assert values["target_groups"] == [
        "Одинокие пожилые люди старше 70 лет",
        "Жители сёл, готовые стать добровольцами",
    ]  # the address and «Веб-сайт: нет» below them are contacts, not groups
    assert values["contacts"].startswith("249400, КАЛУЖСКАЯ ОБЛАСТЬ")
    assert "Веб-сайт: нет" in values["contacts"]
    assert "Фонд президентских грантов" not in values["contacts"]  # the footer is dropped


def test_labels_and_values_on_two_lines_from_a_windows_1251_file() -> None:
    parsed = parse_card(read_card_file(CARDS / "07_two_lines_cp1251.TXT"))
    assert parsed.problems == []
    assert parsed.values["status"] == "submitted"  # «на независимой экспертизе»
    assert parsed.values["title"].startswith("Мастерская добрых дел")
    assert parsed.values["requested_amount"] == Decimal("1984300.00")  # «1 984 300,00 ?»
    assert parsed.values["organization"].startswith("АВТОНОМНАЯ НЕКОММЕРЧЕСКАЯ ОРГАНИЗАЦИЯ")
    assert parsed.values["contacts"] == "Веб-сайт: opora-kozelsk.ru"


FIELDS = "• Конкурс Первый конкурс 2024\n• Организация АНО «Забота»\n• ИНН 4066750788\n"


@pytest.mark.parametrize(
    "title",
    [
        "Конкурс чтецов «Живое слово» в сельских библиотеках",
        "Организация досуга пожилых людей в центре «Забота»",
        "Статус семьи: школа приёмных родителей",
    ],
)
def test_a_title_beginning_with_a_label_word_stays_the_title(title: str) -> None:
    for text in (
        f"Статус проекта: победитель конкурса\n{title}\n{FIELDS}",
        f"{title}\nСтатус проекта: победитель конкурса\n{FIELDS}",
        f"Главная\n{title}\n{FIELDS}",
    ):
        parsed = parse_card(text)
        assert parsed.values["title"] == title
        assert parsed.values["competition"] == "Первый конкурс 2024"
        assert parsed.values["organization"] == "АНО «Забота»"


def test_a_label_word_followed_by_ordinary_text_is_not_read_as_the_field() -> None:
    parsed = parse_card(
        "Статус проекта: победитель конкурса\nКлуб соседей\n"
        "Организация досуга пожилых людей\nКонкурс чтецов\n"
    )
    assert "organization" not in parsed.values
    assert "competition" not in parsed.values


def test_a_section_heading_may_carry_its_text_after_a_colon() -> None:
    parsed = parse_card(
        "Статус проекта: победитель конкурса\nКлуб соседей\nЦель: Снизить изоляцию."
    )
    assert parsed.values["goal"] == "Снизить изоляцию."


def test_the_status_badge_is_recognised_without_its_label() -> None:
    parsed = parse_card("проект не получил поддержку\nКлуб соседей\nКонкурс: Второй конкурс 2022")
    assert parsed.values["status"] == "not_supported"
    assert parsed.values["title"] == "Клуб соседей"
