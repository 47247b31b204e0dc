"""What the library takes: real files judged by their content before anything is stored."""

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from nkohub.core.errors import DomainError
from nkohub.learning import documents, sample_files, services
from nkohub.learning.models import Material
from nkohub.learning.tests.factories import budget_pdf, upload


def odt_file(paragraphs: list[str]) -> bytes:
    """An OpenDocument text as LibreOffice writes it: the mimetype first, stored, then content.xml."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        body = "".join(f"<text:p>{text}</text:p>" for text in paragraphs)
        package.writestr(
            "content.xml",
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
            f"<office:text>{body}</office:text></office:body></office:document-content>",
        )
        package.writestr("META-INF/manifest.xml", "<manifest/>")
    return buffer.getvalue()


def test_a_real_pdf_with_cyrillic_text_is_taken_as_a_pdf() -> None:
    assert documents.check_material_file(upload("Смета.pdf", budget_pdf())) == "pdf"


def test_a_word_document_is_taken_as_docx() -> None:
    content = sample_files.docx_file("Чек-лист проверки заявки", ["Цель проекта измерима."])
    assert documents.check_material_file(upload("Чек-лист.docx", content)) == "docx"


def test_an_excel_workbook_is_taken_as_xlsx() -> None:
    content = sample_files.xlsx_file("Смета", [["Статья", "Сумма"], ["Аренда", 120000]])
    assert documents.check_material_file(upload("Смета.xlsx", content)) == "xlsx"


def test_an_opendocument_text_is_taken_as_odt() -> None:
    assert documents.check_material_file(upload("Устав.odt", odt_file(["Устав"]))) == "odt"


def test_a_windows_1251_text_is_taken_as_text() -> None:
    content = sample_files.text_file(["Памятка волонтёру"], encoding="cp1251")
    assert documents.check_material_file(upload("Памятка.txt", content)) == "txt"


def test_a_pdf_named_docx_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        documents.check_material_file(upload("Шаблон.docx", budget_pdf()))
    assert refused.value.code == "file_content"


def test_a_word_document_named_pdf_is_refused() -> None:
    content = sample_files.docx_file("Договор", ["Текст"])
    with pytest.raises(ValidationError) as refused:
        documents.check_material_file(upload("Договор.pdf", content))
    assert refused.value.code == "file_content"


def test_a_plain_zip_named_docx_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("readme.txt", "не документ")
    with pytest.raises(ValidationError) as refused:
        documents.check_material_file(upload("Отчёт.docx", buffer.getvalue()))
    assert refused.value.code == "file_content"


def test_a_program_named_txt_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        documents.check_material_file(upload("readme.txt", b"MZ\x90\x00\x03\x00\x00\x00"))
    assert refused.value.code == "file_content"


def test_an_unknown_extension_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        documents.check_material_file(upload("setup.exe", b"MZ"))
    assert refused.value.code == "file_type"


def test_a_file_over_the_limit_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        documents.check_material_file(upload("Смета.pdf", budget_pdf()), max_bytes=1000)
    assert refused.value.code == "file_size"


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        documents.check_material_file(upload("Пусто.txt", b""))
    assert refused.value.code == "file_empty"


@pytest.mark.django_db
def test_the_service_refuses_a_lying_file_before_storing_it(operator: Any, settings: Any) -> None:
    with pytest.raises(DomainError):
        services.material_create(
            actor=operator, upload=upload("Шаблон.docx", budget_pdf()), title="Шаблон"
        )
    private = Path(settings.PRIVATE_MEDIA_ROOT)
    assert not Material.objects.exists()
    assert not private.exists() or not any(p.is_file() for p in private.rglob("*"))


def test_the_text_of_a_word_document_is_read_paragraph_by_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "doc.docx"
    path.write_bytes(sample_files.docx_file("Чек-лист", ["Бюджет обоснован.", "Цели измеримы."]))
    assert documents.extract_text(path, "docx") == "Чек-лист\nБюджет обоснован.\nЦели измеримы."


def test_the_text_of_an_opendocument_is_read(tmp_path: Path) -> None:
    path = tmp_path / "doc.odt"
    path.write_bytes(odt_file(["Устав организации", "Глава 1. Общие положения"]))
    assert documents.extract_text(path, "odt") == "Устав организации\nГлава 1. Общие положения"


def test_a_windows_1251_text_is_read_in_russian(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(
        sample_files.text_file(["Памятка волонтёру", "Приходите вовремя."], encoding="cp1251")
    )
    assert documents.extract_text(path, "txt") == "Памятка волонтёру\nПриходите вовремя."


def test_a_long_text_is_previewed_by_its_beginning() -> None:
    text = "\n".join(f"Абзац номер {n} о подготовке заявки на грант." for n in range(200))
    preview = documents.preview_of(text)
    assert len(preview) <= documents.PREVIEW_CHARS + 2
    assert preview.endswith(" …")
