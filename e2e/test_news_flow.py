"""News in a real browser, on a phone and on a desktop: an NGO's owner posts news with a photo, a
media partner takes it into work on its desk and marks it published with the link, and the NGO sees the
pick-up on its page. Every page visited fits its screen and passes axe-core."""

import io
from typing import Any

import pytest
from playwright.sync_api import expect

from nkohub.news.tests.factories import journalist, media_outlet

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _fits(page: Any, size: dict[str, int]) -> None:
    page.wait_for_load_state("load")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= size["width"], f"{page.url} is {width}px wide on a {size['width']}px screen"


def _photo(tmp_path: Any) -> str:
    from PIL import Image

    path = tmp_path / "subbotnik.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (60, 120, 90)).save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return str(path)


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_an_ngo_posts_news_a_media_partner_publishes_it_and_the_ngo_sees_the_pickup(
    page: Any,
    shot: Any,
    login: Any,
    owner: Any,
    ngo: Any,
    assert_accessible: Any,
    tmp_path: Any,
    size: dict[str, int],
) -> None:
    ngo.is_verified = True
    ngo.save(update_fields=["is_verified"])
    outlet = media_outlet("«Калужские новости»")
    reporter = journalist(outlet, "jane@example.org")
    page.set_viewport_size(size)

    # the NGO posts its news
    login(owner)
    page.goto("/news/")
    page.get_by_role("link", name="Новости: АНО «Добрые соседи»").click()
    page.get_by_label("Заголовок").fill("Субботник на берегу Оки")
    page.get_by_label("Текст (Markdown)").fill("Сорок **волонтёров** убрали берег Оки у Калуги.")
    page.get_by_label("Фотографии").set_input_files(_photo(tmp_path))
    _fits(page, size)
    page.get_by_role("button", name="Опубликовать").click()
    expect(page.get_by_text("Новость опубликована.")).to_be_visible()
    expect(page.get_by_role("heading", name="Субботник на берегу Оки", level=1)).to_be_visible()
    _fits(page, size)
    shot("news-published")
    assert_accessible("on the news item's page")
    page.context.clear_cookies()

    # the media partner takes it into work and marks it published
    login(reporter)
    page.goto("/news/desk/")
    card = page.get_by_role("listitem").filter(has_text="Субботник на берегу Оки")
    card.get_by_role("button", name="Взять в работу").click()
    expect(page.get_by_text("Новость у вас в работе.")).to_be_visible()
    _fits(page, size)
    assert_accessible("on the desk after taking an item")
    shot("desk-in-work")
    page.get_by_role("link", name="Отметить публикацию").click()
    page.get_by_label("Ссылка на вашу публикацию").fill("https://kaluga-news.example/2026/oka")
    page.get_by_role("button", name="Отметить публикацию").click()
    expect(
        page.get_by_text("Публикация отмечена, организация получит уведомление.")
    ).to_be_visible()
    expect(page.get_by_role("link", name="ваша публикация")).to_be_visible()
    page.context.clear_cookies()

    # the NGO sees the pick-up on its page
    login(owner)
    page.goto(f"/organizations/{ngo.pk}/")
    section = page.locator("#section-news")
    expect(section.get_by_role("link", name="«Калужские новости»")).to_have_attribute(
        "href", "https://kaluga-news.example/2026/oka"
    )
    _fits(page, size)
    shot("ngo-page-pickup")
    assert_accessible("on the organisation's page")
