"""The library in a real browser, on a phone and on a desktop: an operator uploads a PDF and sees the
picture of its first page, publishes it; a member finds it by another form of a Russian word,
downloads it, and the download count rises; a webinar recording opens from its list. Every page visited
fits a 390 px screen."""

import shutil
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from nkohub.core.tests.tools import missing_tool
from nkohub.learning.models import Material
from nkohub.learning.tests.factories import RecordingFactory, budget_pdf, topic

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TITLE = "Методичка по составлению сметы проекта"


def _fits(page: Any, size: dict[str, int]) -> None:
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"], f"{page.url} is {width}px wide on a {size['width']}px screen"


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_upload_a_pdf_see_its_preview_then_find_and_download_it(
    page: Any,
    shot: Any,
    login: Any,
    operator: Any,
    outsider: Any,
    assert_accessible: Any,
    tmp_path: Path,
    size: dict[str, int],
) -> None:
    if shutil.which("pdftoppm") is None:
        missing_tool("pdftoppm (poppler-utils) is not installed: no preview to see")
    topic("grants")  # the seeded topics are gone after an earlier browser test flushed the database
    pdf = tmp_path / "Смета проекта.pdf"
    pdf.write_bytes(budget_pdf())
    page.set_viewport_size(size)

    # the operator uploads the PDF and sees its first page
    login(operator)
    page.goto("/learning/library/")
    page.get_by_role("link", name="Загрузить материал").click()
    page.get_by_label("Название").fill(TITLE)
    page.get_by_label("Вид").select_option("document")
    page.get_by_label("Подготовка заявок на гранты").check()
    page.get_by_label("Метки").fill("смета, бюджет")
    page.get_by_label("Файл").set_input_files(str(pdf))
    _fits(page, size)
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    preview = page.get_by_role("img", name=f"Первая страница «{TITLE}»")
    expect(preview).to_be_visible()
    # decode() waits for the picture itself: the element is visible before its bytes arrive
    assert preview.evaluate("image => image.decode().then(() => image.naturalWidth)") == 800
    _fits(page, size)
    assert_accessible("on a material's page")
    shot("uploaded")
    page.get_by_role("button", name="Опубликовать").click()
    expect(page.get_by_text("Материал опубликован.")).to_be_visible()

    # a member finds it by another form of the word and downloads it
    page.context.clear_cookies()
    login(outsider)
    page.goto("/learning/library/")
    if size is PHONE:
        page.locator("summary").filter(has_text="Поиск и фильтры").click()
    page.get_by_label("Поиск").fill("сметой")
    page.get_by_role("button", name="Найти").click()
    page.get_by_role("link", name=TITLE).click()
    _fits(page, size)
    count = page.get_by_test_id("download-count")
    expect(count).to_have_text("0")
    with page.expect_download() as download:
        page.get_by_role("link", name="Скачать").click()
    assert Path(download.value.path()).read_bytes() == budget_pdf()
    page.reload()
    expect(count).to_have_text("1")
    shot("downloaded")
    assert Material.objects.get().download_count == 1

    # the webinar recordings beside the library fit the screen too
    recording = RecordingFactory.create(title="Вебинар: как подготовить заявку на грант")
    page.goto("/learning/recordings/")
    page.get_by_role("link", name=recording.title).click()
    expect(page.locator("iframe[src^='https://rutube.ru/play/embed/']")).to_have_count(1)
    _fits(page, size)
