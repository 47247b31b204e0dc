"""The registry in a real browser: Russian search with live results, filters, the claim path from the
cabinet, the operator's approval — checked for accessibility after each interaction."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from nkohub.organizations import reference
from nkohub.organizations.models import Claim, Membership, Organization
from nkohub.organizations.tests.conftest import PDF_BYTES, make_org
from nkohub.territories.tests.factories import MunicipalityFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def registry(db: Any) -> dict[str, Organization]:
    reference.load()
    kaluga = MunicipalityFactory(name="Калуга", kind="city_district")
    obninsk = MunicipalityFactory(name="Обнинск", kind="city_district")
    return {
        "znanie": make_org(
            full_name="Автономная некоммерческая организация «Знание»",
            short_name="АНО «Знание»",
            description="Дополнительное образование детей.",
            municipality=obninsk,
            spheres=["education"],
        ),
        "fond": make_org(
            full_name="Благотворительный фонд «Милосердие»",
            short_name="БФ «Милосердие»",
            description="Помощь пожилым людям.",
            municipality=kaluga,
            spheres=["social-support"],
        ),
    }


def test_search_understands_russian_and_filters_count(
    page: Any,
    registry: dict[str, Organization],
    shot: Callable[[str], Any],
    assert_accessible: Callable[..., None],
) -> None:
    page.goto("/organizations/")
    assert_accessible("on the directory")
    page.get_by_label("Название, описание, ИНН или ОГРН").fill("образовательные проекты")
    page.get_by_role("button", name="Найти").click()
    results = page.locator("#directory-results")
    expect(results.get_by_role("link", name="БФ «Милосердие»")).to_have_count(0)
    expect(results.get_by_role("link", name="АНО «Знание»")).to_have_count(1)
    shot("search")
    assert_accessible("after a search")
    page.get_by_label("Название, описание, ИНН или ОГРН").fill("благотворительый фонд")
    page.get_by_role("button", name="Найти").click()
    expect(results.get_by_role("link", name="БФ «Милосердие»")).to_have_count(1)
    page.get_by_label("Название, описание, ИНН или ОГРН").fill("")
    page.get_by_role("button", name="Найти").click()
    expect(results.get_by_role("link", name="АНО «Знание»")).to_have_count(1)
    page.get_by_role("link", name="Калуга").click()
    page.wait_for_url(re.compile(r"/organizations/\?(?!\?).*municipality=\d+"))
    expect(results.get_by_role("link", name="БФ «Милосердие»")).to_have_count(1)
    expect(results.get_by_role("link", name="АНО «Знание»")).to_have_count(0)
    shot("filtered")
    assert not page.console_errors


def test_clicking_a_facet_changes_the_count_and_clicking_it_again_removes_it(
    page: Any,
    registry: dict[str, Organization],
    shot: Callable[[str], Any],
    assert_accessible: Callable[..., None],
) -> None:
    make_org(
        kind=Organization.Kind.AUTHORITY,
        full_name="Министерство образования и науки Калужской области",
        short_name="Минобрнауки",
    )
    page.goto("/organizations/")
    heading = page.locator("#results-heading")
    expect(heading).to_have_text("Найдено 3 организации")
    filters = page.get_by_role("complementary", name="Фильтры")
    filters.get_by_role("link", name="орган власти").click()
    page.wait_for_url(re.compile(r"/organizations/\?kind=authority$"))
    expect(heading).to_have_text("Найдена 1 организация")
    expect(
        page.locator("#directory-results").get_by_role("link", name="Минобрнауки")
    ).to_be_visible()
    shot("authorities")
    assert_accessible("with a facet selected")
    filters.get_by_role("link", name="✓ орган власти").click()
    page.wait_for_url(re.compile(r"/organizations/\?$|/organizations/$"))
    expect(heading).to_have_text("Найдено 3 организации")
    assert not page.console_errors


def test_a_person_claims_from_the_cabinet_and_the_operator_approves(
    page: Any,
    registry: dict[str, Organization],
    outsider: Any,
    operator: Any,
    login: Callable[..., None],
    shot: Callable[[str], Any],
    assert_accessible: Callable[..., None],
    tmp_path: Any,
) -> None:
    login(outsider)
    page.get_by_role("link", name="Найти свою организацию").click()
    page.get_by_label("Название, описание, ИНН или ОГРН").fill("Милосердие")
    page.get_by_role("button", name="Найти").click()
    page.wait_for_url(re.compile(r"[?&]q="))  # the results are swapped in and the address pushed
    page.locator("#directory-results").get_by_role("link", name="БФ «Милосердие»").click()
    page.get_by_role("link", name="Я представляю эту организацию").click()
    document = tmp_path / "prikaz.pdf"
    document.write_bytes(PDF_BYTES)
    page.get_by_label("Ваша роль в организации").select_option("head")
    page.get_by_label("Подтверждающий документ").set_input_files(str(document))
    assert_accessible("on the claim form")
    page.get_by_role("button", name="Отправить заявку").click()
    page.get_by_text("ждёт проверки").first.wait_for()
    shot("claim-sent")
    page.get_by_role("button", name="Выйти").click()
    login(operator)
    page.goto("/organizations/claims/")
    page.get_by_role("link", name="БФ «Милосердие»").click()
    assert_accessible("on the review page")
    page.get_by_role("button", name="Одобрить").click()
    page.get_by_text("Заявка одобрена").wait_for()
    claim = Claim.objects.get()
    assert claim.status == Claim.Status.APPROVED
    assert Membership.objects.filter(user=outsider, role="owner").exists()
    shot("approved")


def test_a_typo_finds_the_organisation_and_the_suggestion_corrects_the_search(
    page: Any,
    registry: dict[str, Organization],
    shot: Callable[[str], Any],
    assert_accessible: Callable[..., None],
) -> None:
    page.goto("/organizations/")
    page.get_by_label("Название, описание, ИНН или ОГРН").fill("милосердея")
    page.get_by_role("button", name="Найти").click()
    results = page.locator("#directory-results")
    expect(results.get_by_text("Возможно, вы имели в виду")).to_be_visible()
    expect(results.get_by_role("link", name="БФ «Милосердие»")).to_have_count(1)
    shot("typo")
    assert_accessible("with a suggestion")
    results.get_by_role("link", name="«милосердие»", exact=True).click()
    page.wait_for_url(re.compile(r"q=%D0%BC"))
    expect(page.get_by_label("Название, описание, ИНН или ОГРН")).to_have_value("милосердие")
    expect(results.get_by_text("Возможно, вы имели в виду")).to_have_count(0)
    assert not page.console_errors
