"""The public side: published questions and answers, and each authority's record."""

from datetime import date
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nkohub.core.pagination import DEFAULT_PAGE_SIZE
from nkohub.reception import selectors, services
from nkohub.reception.models import Appeal, Topic

ROW = "Компенсация за социальные услуги</a></h3>"  # the heading of one appeal in a list

pytestmark = pytest.mark.django_db


def test_the_public_page_shows_only_answers_the_authors_agreed_to_publish(
    client: Any, make_appeal: Any
) -> None:
    published = make_appeal(Appeal.Status.ANSWERED, publish=True, subject="Опубликованный вопрос")
    make_appeal(Appeal.Status.ANSWERED, publish=False, subject="Закрытый вопрос")
    make_appeal(Appeal.Status.IN_WORK, publish=True, subject="Ещё без ответа")
    response = client.get(reverse("reception:public"))
    assert list(response.context["page"].object_list) == [published]
    page = client.get(reverse("reception:public_appeal", args=[published.pk]))
    assert page.status_code == 200
    assert "<h1>Опубликованный вопрос</h1>" in page.content.decode()
    assert '<h2 id="answer-heading">Ответ</h2>' in page.content.decode()


def test_an_unpublished_appeal_has_no_public_page(client: Any, make_appeal: Any) -> None:
    private = make_appeal(Appeal.Status.ANSWERED, publish=False)
    assert client.get(reverse("reception:public_appeal", args=[private.pk])).status_code == 404


def test_the_public_page_does_not_name_the_author(
    client: Any, make_appeal: Any, editor: Any
) -> None:
    appeal = make_appeal(Appeal.Status.ANSWERED, publish=True)
    page = client.get(reverse("reception:public_appeal", args=[appeal.pk])).content.decode()
    assert editor.full_name not in page
    assert editor.email not in page


def test_the_public_answers_suggest_a_corrected_search(client: Any, make_appeal: Any) -> None:
    make_appeal(Appeal.Status.ANSWERED, publish=True, subject="Субсидия на аренду помещения")
    response = client.get(reverse("reception:public"), {"q": "субсидея аренды"})
    assert response.context["suggestion"] == "субсидия аренды"
    assert "Возможно, вы имели в виду" in response.content.decode()


def test_words_of_unpublished_appeals_are_never_suggested(client: Any, make_appeal: Any) -> None:
    make_appeal(Appeal.Status.ANSWERED, publish=False, subject="Конфиденциальный вопрос")
    response = client.get(reverse("reception:public"), {"q": "конфиденциальнй"})
    assert response.context["suggestion"] == ""


def test_published_answers_are_searchable_by_word_topic_and_authority(
    client: Any, make_appeal: Any, authority: Any, other_authority: Any, other_official: Any
) -> None:
    topic = Topic.objects.create(authority=authority, name="Субсидии")
    a = make_appeal(Appeal.Status.ANSWERED, publish=True, subject="Субсидия на аренду", topic=topic)
    b = make_appeal(
        Appeal.Status.ANSWERED,
        publish=True,
        subject="Парковка у центра",
        to=other_authority,
        by=other_official,
    )

    def listed(**params: Any) -> list[Appeal]:
        return list(client.get(reverse("reception:public"), params).context["page"].object_list)

    assert listed(q="аренду") == [a]
    assert listed(topic=topic.pk) == [a]
    assert listed(authority=other_authority.pk) == [b]
    assert (
        "Ничего не найдено"
        in client.get(reverse("reception:public"), {"q": "космос"}).content.decode()
    )


def test_the_public_page_has_an_empty_state(client: Any, db: Any) -> None:
    assert (
        "Опубликованных ответов пока нет"
        in client.get(reverse("reception:public")).content.decode()
    )


def test_the_public_list_runs_a_constant_number_of_queries(client: Any, make_appeal: Any) -> None:
    def count(rows: int) -> int:
        while Appeal.objects.count() < rows:
            make_appeal(Appeal.Status.ANSWERED, publish=True)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("reception:public"))
        assert response.status_code == 200
        assert response.content.decode().count(ROW) == min(rows, DEFAULT_PAGE_SIZE)
        return len(queries)

    assert count(5) == count(25)


def test_the_public_list_from_its_cached_fragments_runs_no_query(
    client: Any, make_appeal: Any
) -> None:
    make_appeal(Appeal.Status.ANSWERED, publish=True)
    client.get(reverse("reception:public"))  # renders and caches the filters and the results
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("reception:public"))
    assert len(queries) == 0


def test_a_newly_published_answer_appears_in_the_cached_list_at_once(
    client: Any, make_appeal: Any
) -> None:
    make_appeal(Appeal.Status.ANSWERED, publish=True)
    client.get(reverse("reception:public"))
    make_appeal(Appeal.Status.ANSWERED, publish=True, subject="Только что опубликован")
    assert "Только что опубликован" in client.get(reverse("reception:public")).content.decode()


def test_an_authoritys_record_for_a_period(
    make_appeal: Any, official: Any, authority: Any, other_authority: Any
) -> None:
    with time_machine.travel("2026-03-02T09:00:00Z", tick=False):
        on_time = make_appeal(Appeal.Status.REGISTERED)
        late = make_appeal(Appeal.Status.REGISTERED)
        overdue = make_appeal(Appeal.Status.IN_WORK)
        services.appeal_answer(actor=official, appeal=on_time, text="Ответ")  # 0 days
    with time_machine.travel("2026-04-10T09:00:00Z", tick=False):
        services.appeal_answer(
            actor=official, appeal=late, text="Поздний ответ"
        )  # 39 days, due 01.04
        (record,) = selectors.authority_records(
            date(2026, 1, 1), date(2026, 12, 31), authority_ids=[authority.pk]
        )
        (other,) = selectors.authority_records(
            date(2026, 1, 1), date(2026, 12, 31), authority_ids=[other_authority.pk]
        )
    assert overdue.answer_due == date(2026, 4, 1)
    assert (record.received, record.answered, record.answered_in_time, record.overdue_now) == (
        3,
        2,
        1,
        1,
    )
    assert record.in_time_percent == 50
    assert record.median_days == 19.5
    assert (other.received, other.answered, other.in_time_percent, other.median_days) == (
        0,
        0,
        None,
        None,
    )


def test_a_period_outside_the_appeals_counts_nothing(make_appeal: Any, authority: Any) -> None:
    make_appeal(Appeal.Status.ANSWERED)
    (record,) = selectors.authority_records(
        date(2020, 1, 1), date(2020, 12, 31), authority_ids=[authority.pk]
    )
    assert (record.received, record.answered) == (0, 0)


def test_the_records_page_lists_every_authority(
    client: Any, authority: Any, other_authority: Any
) -> None:
    response = client.get(
        reverse("reception:authorities"), {"start": "2026-01-01", "end": "2026-12-31"}
    )
    assert [r.authority for r in response.context["records"]] == sorted(
        [authority, other_authority], key=lambda o: o.full_name
    )
    page = client.get(reverse("reception:authority", args=[authority.pk]))
    assert page.status_code == 200
    assert f"<h1>{authority.full_name}</h1>" in page.content.decode()


def test_a_reversed_period_is_explained(client: Any, authority: Any) -> None:
    response = client.get(
        reverse("reception:authorities"), {"start": "2026-12-31", "end": "2026-01-01"}
    )
    assert "Начало периода позже его конца" in response.content.decode()


def test_the_header_shows_the_reception(client: Any, db: Any) -> None:
    page = client.get("/").content.decode()
    assert 'href="/reception/"' in page


def test_the_search_understands_russian_word_forms_and_capitals(
    client: Any, make_appeal: Any
) -> None:
    appeal = make_appeal(
        Appeal.Status.ANSWERED, publish=True, subject="Субсидии на аренду помещений ТОС"
    )

    def found(q: str) -> bool:
        return (
            appeal in client.get(reverse("reception:public"), {"q": q}).context["page"].object_list
        )

    assert found("субсидия")
    assert found("аренда помещения")
    assert found("тос")
    assert not found("субсидия парковка")


def test_the_records_page_runs_a_constant_number_of_queries(client: Any, make_appeal: Any) -> None:
    from nkohub.organizations.models import Organization
    from nkohub.organizations.tests.factories import OrganizationFactory

    def count(bodies: int) -> int:
        while Organization.objects.filter(kind=Organization.Kind.AUTHORITY).count() < bodies:
            OrganizationFactory(kind=Organization.Kind.AUTHORITY)
        make_appeal(Appeal.Status.ANSWERED)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("reception:authorities"))
        assert response.status_code == 200
        bodies_shown = Organization.objects.filter(kind=Organization.Kind.AUTHORITY)
        assert all(f">{o}</a></th>" in response.content.decode() for o in bodies_shown)
        return len(queries)

    assert count(3) == count(15)
