import re
from typing import Any
from urllib.parse import parse_qsl

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nkohub.core.tests.html_links import href_of
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import DirectoryQuery, directory_facets, registry_count
from nkohub.organizations.tests.conftest import make_org

pytestmark = pytest.mark.django_db
URL = reverse("organizations:directory")


def facet(facets: dict[str, Any], name: str) -> dict[str, int]:
    return {v.label: v.count for v in facets[name]}


def test_the_directory_lists_published_organisations(
    client: Any, corpus: dict[str, Organization]
) -> None:
    hidden = make_org(
        full_name="Скрытая организация «Новая»", short_name="Скрытая", is_published=False
    )
    content = client.get(URL).content.decode()
    assert "АНО «Знание»" in content
    assert hidden.short_name not in content


def test_filters_narrow_the_list_and_counts_show_next_to_each_value(
    corpus: dict[str, Organization], kaluga: Any
) -> None:
    facets = directory_facets(DirectoryQuery(municipality=kaluga.pk))
    # kind counts are within Kaluga; municipality counts ignore the municipality filter itself
    assert facet(facets, "kind") == {"некоммерческая организация": 2, "орган власти": 1}
    assert facet(facets, "municipality") == {"Калуга": 3, "Обнинск": 1}
    assert facets["verified"][0].count == 1
    assert [v.label for v in facets["municipality"] if v.selected] == ["Калуга"]


def test_sphere_filter_counts_organisations_once(corpus: dict[str, Organization]) -> None:
    facets = directory_facets(DirectoryQuery(sphere="education"))
    assert facet(facets, "kind") == {"некоммерческая организация": 1}
    assert (
        facet(facets, "sphere")["Поддержка проектов в области науки, образования, просвещения"] == 1
    )


def test_filters_in_the_query_string_apply(client: Any, corpus: dict[str, Organization]) -> None:
    response = client.get(URL, {"kind": "ngo", "verified": "1"})
    assert [o.short_name for o in response.context["page"].object_list] == ["БФ «Милосердие»"]


def test_broken_filter_values_are_ignored_not_an_error(
    client: Any, corpus: dict[str, Organization]
) -> None:
    response = client.get(
        URL, {"kind": "spaceship", "municipality": "abc", "sort": "drop table", "page": "999"}
    )
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 4


@pytest.mark.parametrize(
    ("sort", "first"),
    [
        ("name", "АНО «Знание»"),
        ("-registration_date", "ОО «Старт»"),
        ("-created_at", "Минобрнауки"),
    ],
)
def test_sorting(client: Any, corpus: dict[str, Organization], sort: str, first: str) -> None:
    Organization.objects.filter(pk=corpus["sport"].pk).update(registration_date="2024-05-01")
    Organization.objects.filter(pk=corpus["charity"].pk).update(registration_date="2010-05-01")
    page = client.get(URL, {"sort": sort}).context["page"]
    assert page.object_list[0].short_name == first


def test_pagination(client: Any, reference_data: None) -> None:
    for n in range(25):
        make_org(full_name=f"Организация номер {n:02d}")
    first = client.get(URL).context["page"]
    second = client.get(URL, {"page": 2}).context["page"]
    assert len(first.object_list) == 20
    assert len(second.object_list) == 5
    assert first.paginator.count == 25


def test_a_facet_link_filters_the_directory_and_its_twin_removes_the_filter(
    client: Any, corpus: dict[str, Organization]
) -> None:
    html = client.get(URL).content.decode()
    assert "Найдено 4 организации" in html
    href = href_of(html, "орган власти")
    assert href == "?kind=authority"
    filtered = client.get(URL + href)
    assert [o.short_name for o in filtered.context["page"].object_list] == ["Минобрнауки"]
    assert "Найдена 1 организация" in filtered.content.decode()
    remove = href_of(filtered.content.decode(), "✓ орган власти")
    assert client.get(URL + remove).context["page"].paginator.count == 4


def test_facet_links_keep_the_search_and_the_other_filters_and_go_back_to_page_one(
    client: Any, corpus: dict[str, Organization], kaluga: Any
) -> None:
    html = client.get(
        URL, {"q": "фонд", "municipality": kaluga.pk, "page": 2, "sort": "name"}
    ).content.decode()
    href = href_of(html, "некоммерческая организация")
    assert dict(parse_qsl(href.lstrip("?"))) == {
        "q": "фонд",
        "municipality": str(kaluga.pk),
        "sort": "name",
        "kind": "ngo",
    }


def test_the_next_page_link_keeps_the_filters(client: Any, reference_data: None) -> None:
    for n in range(25):
        make_org(full_name=f"Организация номер {n:02d}", kind="ngo")
    html = client.get(URL, {"kind": "ngo"}).content.decode()
    href = href_of(html, "Далее")
    assert dict(parse_qsl(href.lstrip("?"))) == {"kind": "ngo", "page": "2"}
    assert len(client.get(URL + href).context["page"].object_list) == 5


def test_htmx_request_gets_only_the_results(client: Any, corpus: dict[str, Organization]) -> None:
    response = client.get(
        URL, {"q": "фонд"}, headers={"HX-Request": "true", "HX-Target": "directory-results"}
    )
    content = response.content.decode()
    assert "<html" not in content
    assert "БФ «Милосердие»" in content


def test_the_empty_registry_says_how_organisations_arrive(client: Any, db: Any) -> None:
    assert "Реестр пуст" in client.get(URL).content.decode()


def _queries_for(client: Any, count: int, reference_data: None) -> int:
    Organization.objects.all().delete()
    for n in range(count):
        make_org(
            full_name=f"Фонд развития {n}",
            description="Образовательные проекты",
            spheres=["education", "culture"],
        )
    client.get(
        reverse("core:home")
    )  # one-time caches of the framework (site, content types) warm up
    cache.clear()  # both sizes measured with the registry's own caches cold
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, {"q": "фонд", "sphere": "education"})
    assert response.status_code == 200
    return len(captured)


def test_the_directory_query_count_does_not_grow_with_rows(
    client: Any, reference_data: None, operator: Any
) -> None:
    client.force_login(operator)
    assert _queries_for(client, 5, reference_data) == _queries_for(client, 25, reference_data)


def test_the_directory_page_has_a_fixed_query_budget(
    client: Any, reference_data: None, django_assert_max_num_queries: Any
) -> None:
    for n in range(25):
        make_org(full_name=f"Фонд развития {n}", spheres=["education"])
    with django_assert_max_num_queries(12):
        client.get(URL, {"sphere": "education"})


def test_the_home_page_counts_ngos_as_the_directory_shows_them(
    client: Any, corpus: dict[str, Organization]
) -> None:
    make_org(full_name="Фонд «Ещё не проверен»", is_published=False)
    make_org(full_name="Фонд «Закрытый»", status=Organization.Status.LIQUIDATED)
    directory = client.get(URL, {"kind": "ngo"})
    home = client.get(reverse("core:home"))
    assert registry_count() == directory.context["page"].paginator.count == 4
    figure = re.search(
        r'<a href="/organizations/\?kind=ngo">[^<]+</a></dt>\s*<dd>(\d+)</dd>',
        home.content.decode(),
    )
    assert figure, "the home page links its NGO figure to the directory's ?kind=ngo"
    assert figure.group(1) == "4"


def test_filters_alone_count_every_row_and_only_a_search_is_capped(
    client: Any, reference_data: None, monkeypatch: Any
) -> None:
    monkeypatch.setattr("nkohub.organizations.selectors.directory.COUNT_LIMIT", 3)
    for n in range(5):
        make_org(full_name=f"Фонд поддержки номер {n}")
    listed = client.get(URL).content.decode()
    assert "Найдено 5 организаций" in listed
    searched = client.get(URL, {"q": "фонд"}).content.decode()
    assert "Найдено больше 3 организаций" in searched
