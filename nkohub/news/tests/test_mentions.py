"""Mentions found elsewhere, added by an operator from a spreadsheet: CSV as Excel saves it
(Windows-1251, «;») and XLSX; each row skipped says why; the rest are added together."""

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from nkohub.core.errors import DomainError
from nkohub.news import services
from nkohub.news.models import Mention
from nkohub.news.tests.factories import MentionFactory
from nkohub.organizations.models import Organization

pytestmark = pytest.mark.django_db

HEADER = "Ссылка;Издание;Дата;ИНН;Заголовок"


def _csv(ngo: Organization, *rows: str, encoding: str = "cp1251") -> SimpleUploadedFile:
    lines = [HEADER, *(row.format(inn=ngo.inn) for row in rows)]
    return SimpleUploadedFile("mentions.csv", "\r\n".join(lines).encode(encoding), "text/csv")


def _xlsx(ngo: Organization) -> SimpleUploadedFile:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Ссылка", "Издание", "Дата", "ИНН", "Заголовок"])
    sheet.append(
        ["https://nikatv.example/1", "Ника ТВ", timezone.now().date(), int(str(ngo.inn)), "О нас"]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("mentions.xlsx", buffer.getvalue())


GOOD = "https://nikatv.example/oka;Ника ТВ;01.11.2026;{inn};Субботник на Оке"


def test_a_windows_1251_csv_adds_its_rows(operator: Any, ngo: Organization) -> None:
    services.mentions_import(actor=operator, upload=_csv(ngo, GOOD))
    mention = Mention.objects.get()
    assert (mention.outlet, mention.title, mention.organization) == (
        "Ника ТВ",
        "Субботник на Оке",
        ngo,
    )


def test_an_xlsx_adds_its_rows(operator: Any, ngo: Organization) -> None:
    report = services.mentions_import(actor=operator, upload=_xlsx(ngo))
    assert (len(report.added), report.skipped) == (1, [])


def test_each_skipped_row_says_why(operator: Any, ngo: Organization) -> None:
    report = services.mentions_import(
        actor=operator,
        upload=_csv(
            ngo,
            GOOD,
            "не ссылка;Ника ТВ;01.11.2026;{inn};",
            "https://nikatv.example/2;Ника ТВ;32.13.2026;{inn};",
            "https://nikatv.example/3;Ника ТВ;01.11.2026;1234567890;",
            "https://nikatv.example/4;Ника ТВ;01.11.2026;7707083893;",
            GOOD,
        ),
    )
    assert [(row.line, row.reason) for row in report.skipped] == [
        (3, "ссылка «не ссылка» — не веб-адрес"),
        (4, "«32.13.2026» — не дата (пишите так: 31.12.2026)"),
        (5, "ИНН «1234567890» неверен"),
        (6, "в реестре нет организации с ИНН 7707083893"),
        (7, "эта ссылка уже записана для организации"),
    ]


def test_a_link_already_recorded_is_skipped(operator: Any, ngo: Organization) -> None:
    MentionFactory.create(organization=ngo, url="https://nikatv.example/oka")
    report = services.mentions_import(actor=operator, upload=_csv(ngo, GOOD))
    assert (len(report.added), [row.line for row in report.skipped]) == (0, [2])


def test_a_file_without_the_columns_is_refused(operator: Any, ngo: Organization) -> None:
    upload = SimpleUploadedFile("x.csv", "Имя;Фамилия\r\nА;Б".encode("cp1251"))
    with pytest.raises(DomainError):
        services.mentions_import(actor=operator, upload=upload)


def test_a_failure_on_the_way_writes_nothing(
    operator: Any, ngo: Organization, monkeypatch: Any
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the audit log is down")

    monkeypatch.setattr("nkohub.news.services.mentions.audit_log", broken)
    with pytest.raises(RuntimeError):
        services.mentions_import(actor=operator, upload=_csv(ngo, GOOD))
    assert Mention.objects.count() == 0


def test_the_page_reports_the_rows(client: Any, operator: Any, ngo: Organization) -> None:
    client.force_login(operator)
    upload = _csv(ngo, GOOD, "не ссылка;Ника ТВ;01.11.2026;{inn};")
    html = client.post(reverse("news:mentions_upload"), {"file": upload}).content.decode()
    assert "ссылка «не ссылка» — не веб-адрес" in html


def test_only_operators_upload_mentions(client: Any, owner: Any, ngo: Organization) -> None:
    client.force_login(owner)
    response = client.post(reverse("news:mentions_upload"), {"file": _csv(ngo, GOOD)})
    assert (response.status_code, Mention.objects.count()) == (404, 0)
