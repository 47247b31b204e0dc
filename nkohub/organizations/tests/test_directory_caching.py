"""The directory's cached figures: facet counts, the filtered count and the filters' fragment are kept
under the registry's stamp, so a write shows at once, and a warm page reads only its rows."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import DirectoryQuery, directory_facets, registry_stamp
from nkohub.organizations.tests.conftest import make_org

pytestmark = pytest.mark.django_db
URL = reverse("organizations:directory")


def kinds(facets: dict[str, Any]) -> dict[str, int]:
    return {v.value: v.count for v in facets["kind"]}


def test_facet_counts_follow_an_edit_of_the_registry(corpus: dict[str, Organization]) -> None:
    assert kinds(directory_facets(DirectoryQuery())) == {"ngo": 3, "authority": 1}
    sport = corpus["sport"]
    sport.kind = Organization.Kind.BUSINESS
    sport.save()
    assert kinds(directory_facets(DirectoryQuery())) == {"ngo": 2, "authority": 1, "business": 1}


def test_facet_counts_follow_a_new_organisation(corpus: dict[str, Organization]) -> None:
    directory_facets(DirectoryQuery())
    make_org(full_name="Новостной портал «Город»", kind=Organization.Kind.MEDIA)
    assert kinds(directory_facets(DirectoryQuery()))["media"] == 1


def test_the_stamp_changes_with_an_edit(corpus: dict[str, Organization]) -> None:
    before = registry_stamp()
    corpus["charity"].save()
    assert registry_stamp() != before


def test_the_filters_fragment_follows_an_edit(client: Any, corpus: dict[str, Organization]) -> None:
    assert "?kind=business" not in client.get(URL).content.decode()
    sport = corpus["sport"]
    sport.kind = Organization.Kind.BUSINESS
    sport.save()
    content = client.get(URL).content.decode()
    assert '<a href="?kind=business">бизнес</a>' in content


def test_a_warm_directory_page_reads_the_stamp_and_its_rows_only(
    client: Any, corpus: dict[str, Organization], django_assert_num_queries: Any
) -> None:
    client.get(URL, {"sphere": "education"})
    # the stamp, the page's ids, its rows, their spheres: count and filters come from the cache
    with django_assert_num_queries(4):
        client.get(URL, {"sphere": "education"})
