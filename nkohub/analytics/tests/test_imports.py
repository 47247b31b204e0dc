"""Imports of entered figures: a ministry's decision table (CSV as Excel saves it, XLSX), the Fund's
results, media figures; every bad row reported by line, nothing half-written."""

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from nkohub.analytics.imports import import_figures, parse_amount
from nkohub.analytics.models import MediaFigure, Subsidy
from nkohub.analytics.tests.factories import SubsidyFactory
from nkohub.core.audit import AuditEntry
from nkohub.grants.models import RegionComparison

DATA = Path(__file__).parent / "data"
DECISION = DATA / "subsidii-prikaz-2021-1251.csv"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1 250 000,00", "1250000.00"),
        ("1\u00a0500\u00a0000", "1500000.00"),
        ("420 000 руб.", "420000.00"),
        ("745300.5", "745300.50"),
        ("1,234,567.89", "1234567.89"),
        ("1.234.567,89", "1234567.89"),
        ("2 500 000 ₽", "2500000.00"),
    ],
)
def test_amounts_are_read_as_spreadsheets_write_them(text: str, amount: str) -> None:
    assert parse_amount(text) == Decimal(amount)


def test_an_unreadable_amount_is_none() -> None:
    assert parse_amount("сто тысяч") is None


def test_a_published_decision_table_in_windows_1251_imports_with_its_title_and_total_row(
    operator: Any,
) -> None:
    report = import_figures(
        actor=operator, kind="subsidies", path=DECISION, source="Приказ № 123-п", year=2021
    )
    assert report.ok, report.problems
    assert (report.rows, report.created) == (5, 5)
    assert Subsidy.objects.count() == 5
    total = sum(s.amount for s in Subsidy.objects.all())
    assert total == Decimal("4895800.50")
    nadezhda = Subsidy.objects.get(inn="4068430776")
    assert nadezhda.amount == Decimal("1250000.00")
    assert nadezhda.direction == "Социальная поддержка и защита граждан"
    assert nadezhda.year == 2021
    assert nadezhda.source == "Приказ № 123-п"
    assert AuditEntry.objects.filter(action="analytics.figures.import").count() == 1


def test_importing_the_same_table_again_updates_instead_of_doubling(operator: Any) -> None:
    import_figures(actor=operator, kind="subsidies", path=DECISION, source="s", year=2021)
    again = import_figures(actor=operator, kind="subsidies", path=DECISION, source="s", year=2021)
    assert (again.created, again.updated) == (0, 5)
    assert Subsidy.objects.count() == 5


def test_every_bad_row_is_reported_by_line_and_nothing_is_written(
    operator: Any, tmp_path: Path
) -> None:
    SubsidyFactory.create(inn="4068430776", year=2021, amount=Decimal("1"))
    path = _write(
        tmp_path,
        "bad.csv",
        "Получатель;ИНН;Сумма;Направление\r\n"
        "АНО «Верная»;4068430776;100 000,00;Культура\r\n"
        ";4068430777;сто тысяч;Культура\r\n"
        "АНО «Без направления»;4091544718;5000;\r\n"
        "АНО «Верная»;4068430776;100 000,00;Культура\r\n",
        "cp1251",
    )
    report = import_figures(actor=operator, kind="subsidies", path=path, source="s", year=2021)
    assert not report.ok
    lines = {problem.line: problem.reasons for problem in report.problems}
    assert set(lines) == {3, 4, 5}
    assert "нет получателя" in lines[3]
    assert any(reason.startswith("ИНН 4068430777") for reason in lines[3])
    assert "не удалось прочитать сумму «сто тысяч»" in lines[3]
    assert lines[4] == ["нет направления поддержки"]
    assert lines[5] == ["повтор строки 2"]
    assert str(report.problems[0]).startswith("строка 3: ")
    # the good row 2 is not written either: the file is refused whole
    assert Subsidy.objects.get().amount == Decimal("1")
    assert not AuditEntry.objects.filter(action="analytics.figures.import").exists()


def test_a_dry_run_checks_everything_and_writes_nothing(operator: Any) -> None:
    report = import_figures(
        actor=operator, kind="subsidies", path=DECISION, source="s", year=2021, dry_run=True
    )
    assert report.ok
    assert report.created == 5
    assert not Subsidy.objects.exists()


def test_an_xlsx_table_with_numbers_and_a_dropped_leading_zero_imports(
    operator: Any, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Решение о предоставлении субсидий СО НКО в 2021 году"])
    sheet.append([])
    sheet.append(
        ["№", "Получатель субсидии", "ИНН", "Направление", "Сфера деятельности", "Сумма, тыс. руб."]
    )
    sheet.append([1, "АНО «Башкирская»", 274062111, "Культура", "Культура", 1250.5])
    sheet.append([2, "Фонд «Калужский»", 4068430776, "Культура", "Культура", 300])
    path = tmp_path / "reshenie.xlsx"
    workbook.save(path)
    report = import_figures(actor=operator, kind="subsidies", path=path, source="s", year=2021)
    assert report.ok, report.problems
    assert Subsidy.objects.get(inn="0274062111").amount == Decimal("1250500.00")
    assert Subsidy.objects.get(inn="4068430776").amount == Decimal("300000.00")


def test_a_file_without_the_columns_is_refused_with_a_message(
    operator: Any, tmp_path: Path
) -> None:
    path = _write(tmp_path, "x.csv", "a,b,c\n1,2,3\n")
    report = import_figures(actor=operator, kind="subsidies", path=path, source="s", year=2021)
    assert report.error.startswith("Не найдена строка заголовков с обязательными столбцами")
    assert not Subsidy.objects.exists()


def test_the_funds_results_import_onto_region_comparisons(
    operator: Any, tmp_path: Path, funder: Any, region: Any, comparison_region: Any
) -> None:
    path = _write(
        tmp_path,
        "fund.csv",
        "Регион,Год,Подано,Поддержано,Сумма\n"
        'Калужская область,2021,117,45,"24 600 000"\n'
        "31,2021,305,34,\n"
        "Атлантида,2021,10,2,\n"
        "40,2020,10,12,\n",
    )
    report = import_figures(actor=operator, kind="fund_results", path=path, source="ФПГ")
    lines = {problem.line: problem.reasons for problem in report.problems}
    assert lines == {
        4: ["неизвестный регион «Атлантида»"],
        5: ["поддержано (12) больше, чем подано (10)"],
    }
    assert not RegionComparison.objects.exists()
    fixed = _write(
        tmp_path,
        "fund2.csv",
        'Регион,Год,Подано,Поддержано,Сумма\n40,2021,117,45,"24 600 000"\n31,2021,305,34,\n',
    )
    assert import_figures(actor=operator, kind="fund_results", path=fixed, source="ФПГ").ok
    ours = RegionComparison.objects.get(region=region)
    assert (ours.year_from, ours.year_to, ours.applications, ours.winners) == (2021, 2021, 117, 45)
    assert ours.amount == Decimal("24600000.00")
    assert ours.funder == funder
    assert ours.source == "ФПГ"


def test_media_figures_import_by_month_name(operator: Any, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "media.csv",
        "Год;Месяц;Место в рейтинге;Публикации;Упоминания\n2021;январь;25;50;120\n2021;2;24;61;130\n2021;тринадцатый;1;1;1\n",
    )
    report = import_figures(actor=operator, kind="media", path=path, source="Медиалогия")
    assert [p.line for p in report.problems] == [4]
    assert not MediaFigure.objects.exists()
    path.write_text(path.read_text().rsplit("\n", 2)[0] + "\n")
    assert import_figures(actor=operator, kind="media", path=path, source="Медиалогия").ok
    assert list(MediaFigure.objects.order_by("month").values_list("month", "publications")) == [
        (1, 50),
        (2, 61),
    ]


def test_the_command_prints_bad_rows_and_fails(tmp_path: Path, capsys: Any, db: Any) -> None:
    path = _write(tmp_path, "bad.csv", "Получатель;ИНН;Сумма;Направление\nАНО;123;1;Культура\n")
    with pytest.raises(CommandError):
        call_command("import_figures", "subsidies", str(path), "--source", "s", "--year", "2021")
    assert "строка 2: ИНН 123" in capsys.readouterr().out
    call_command("import_figures", "subsidies", str(DECISION), "--source", "s", "--year", "2021")
    assert Subsidy.objects.count() == 5


def test_the_operator_imports_a_file_on_the_figures_page(client: Any, operator: Any) -> None:
    client.force_login(operator)
    with DECISION.open("rb") as upload:
        response = client.post(
            reverse("analytics:figures"),
            {"kind": "subsidies", "file": upload, "source": "Приказ № 123-п", "year": "2021"},
        )
    assert response.status_code == 200
    assert "Импортировано строк: 5; добавлено 5, обновлено 0." in response.content.decode()
    assert Subsidy.objects.count() == 5


def test_the_figures_page_lists_bad_rows_with_their_lines(
    client: Any, operator: Any, tmp_path: Path
) -> None:
    client.force_login(operator)
    path = _write(tmp_path, "bad.csv", "Получатель;ИНН;Сумма;Направление\nАНО;123;1;Культура\n")
    with path.open("rb") as upload:
        response = client.post(
            reverse("analytics:figures"),
            {"kind": "subsidies", "file": upload, "source": "s", "year": "2021"},
        )
    content = response.content.decode()
    assert "Ничего не записано" in content
    assert "строка 2: ИНН 123" in content


def test_someone_who_is_not_an_operator_cannot_import(client: Any, member: Any) -> None:
    client.force_login(member)
    with DECISION.open("rb") as upload:
        response = client.post(
            reverse("analytics:figures"),
            {"kind": "subsidies", "file": upload, "source": "s", "year": "2021"},
        )
    assert response.status_code == 403
    assert not Subsidy.objects.exists()
