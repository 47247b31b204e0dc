"""The preview made in the background: a PNG of a PDF's first page, the beginning of the text of Word,
OpenDocument and text files, and a page that says so when the tool is missing."""

import shutil
from typing import Any

import pytest
from django.urls import reverse

from nkohub.core.tests.tools import missing_tool
from nkohub.learning import documents, sample_files, services
from nkohub.learning.models import Material
from nkohub.learning.services import library as library_services
from nkohub.learning.tests.factories import budget_pdf, material, upload
from nkohub.learning.tests.test_library_files import odt_file

pytestmark = pytest.mark.django_db


def _needs_poppler() -> None:
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        missing_tool("pdftoppm and pdftotext (poppler-utils) are not installed")


def test_a_pdf_gets_a_png_of_its_first_page(operator: Any, capture: Any) -> None:
    _needs_poppler()
    with capture(execute=True):
        made = material(operator)
    made.refresh_from_db()
    with made.preview_image.open("rb") as image:
        assert image.read(8) == b"\x89PNG\r\n\x1a\n"


def test_the_text_of_a_pdf_is_read_for_search(operator: Any, capture: Any) -> None:
    _needs_poppler()
    with capture(execute=True):
        made = material(operator)
    made.refresh_from_db()
    assert " софинансирование" in made.search_text


def test_the_preview_picture_is_served_to_those_who_see_the_material(
    client: Any, operator: Any, capture: Any
) -> None:
    _needs_poppler()
    with capture(execute=True):
        made = material(operator)
    response = client.get(reverse("learning:material_preview", args=[made.pk]))
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_drafts_preview_is_hidden_from_others(
    client: Any, operator: Any, outsider: Any, capture: Any
) -> None:
    _needs_poppler()
    with capture(execute=True):
        made = material(operator, publish=False)
    client.force_login(outsider)
    assert client.get(reverse("learning:material_preview", args=[made.pk])).status_code == 404


def test_a_word_document_shows_its_first_text(client: Any, operator: Any, capture: Any) -> None:
    content = sample_files.docx_file("Чек-лист проверки заявки", ["Цель проекта измерима."])
    with capture(execute=True):
        made = material(operator, name="Чек-лист.docx", content=content, title="Чек-лист")
    page = client.get(made.get_absolute_url()).content.decode()
    assert "Цель проекта измерима." in page


def test_an_opendocument_shows_its_first_text(operator: Any, capture: Any) -> None:
    with capture(execute=True):
        made = material(operator, name="Устав.odt", content=odt_file(["Устав организации"]))
    made.refresh_from_db()
    assert made.preview_text == "Устав организации"


def test_a_windows_1251_text_shows_in_russian(operator: Any, capture: Any) -> None:
    content = sample_files.text_file(["Памятка волонтёру", "Приходите вовремя."], encoding="cp1251")
    with capture(execute=True):
        made = material(operator, name="Памятка.txt", content=content)
    made.refresh_from_db()
    assert made.preview_text == "Памятка волонтёру\nПриходите вовремя."


def test_without_pdftoppm_the_page_says_the_picture_is_missing(
    client: Any, operator: Any, capture: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(documents.shutil, "which", lambda name: None)
    with capture(execute=True):
        made = material(operator)
    page = client.get(made.get_absolute_url()).content.decode()
    assert "pdftoppm" in page


def test_a_broken_pdf_is_kept_and_marked_unreadable(operator: Any, capture: Any) -> None:
    _needs_poppler()
    with capture(execute=True):
        made = material(operator, content=b"%PDF-1.7\nnot really a pdf\n%%EOF")
    made.refresh_from_db()
    assert made.preview_status == Material.Preview.FAILED


def test_a_preview_made_for_a_replaced_file_is_not_written(
    operator: Any, capture: Any, monkeypatch: Any
) -> None:
    made = material(operator, name="Старая.txt", content="Старая редакция".encode())
    making = library_services._made

    def replaced_meanwhile(current: Material) -> Any:
        result = making(current)
        services.material_update(
            actor=operator, material=current, upload=upload("Новая.txt", "Новая".encode())
        )
        return result

    monkeypatch.setattr(library_services, "_made", replaced_meanwhile)
    assert services.material_preview_make(material_id=made.pk) == "stale"


def test_a_new_file_gets_a_new_preview(operator: Any, capture: Any) -> None:
    with capture(execute=True):
        made = material(operator, name="Памятка.txt", content="Первая редакция".encode())
    with capture(execute=True):
        services.material_update(
            actor=operator, material=made, upload=upload("Памятка.txt", "Вторая редакция".encode())
        )
    made.refresh_from_db()
    assert made.preview_text == "Вторая редакция"


def test_the_previous_file_is_deleted_when_replaced(operator: Any, capture: Any) -> None:
    made = material(operator, name="Памятка.txt", content="Первая редакция".encode())
    storage, old = made.file.storage, str(made.file.name)
    with capture(execute=True):
        services.material_update(
            actor=operator, material=made, upload=upload("Памятка.txt", "Вторая".encode())
        )
    assert not storage.exists(old)


def test_a_pdf_preview_renders_cyrillic_as_text_not_boxes(operator: Any, capture: Any) -> None:
    _needs_poppler()
    with capture(execute=True):
        made = material(operator, content=budget_pdf())
    made.refresh_from_db()
    assert made.preview_text.startswith("Методичка по составлению сметы")
