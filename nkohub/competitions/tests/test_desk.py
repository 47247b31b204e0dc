"""The staff desk: only the funder's own calls, filters, status tabs with counts, sorting, bulk
changes and exports; constant SQL queries as submissions grow."""

from decimal import Decimal
from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from nkohub.competitions.models import Call, Submission
from nkohub.competitions.tests.factories import AssignmentFactory, CallFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


def _many(call: Call, count: int) -> list[Submission]:
    rows = []
    for n in range(count):
        rows.append(
            SubmissionFactory.create(
                call=call,
                requested_amount=Decimal(100000 + n),
                score_mean=Decimal(n % 100),
                status=Submission.Status.REVIEW if n % 3 else Submission.Status.SUBMITTED,
            )
        )
    return rows


def test_the_desk_shows_only_the_funders_calls(
    client: Any, official: Any, call: Call, authority: Any
) -> None:
    own = SubmissionFactory.create(call=call, title="Своя заявка")
    SubmissionFactory.create(call=CallFactory.create(), title="Чужая заявка")
    client.force_login(official)
    page = client.get(reverse("competitions:desk")).content.decode()
    assert own.title in page
    assert "Чужая заявка" not in page


def test_outsiders_and_applicants_get_no_desk(
    client: Any, owner: Any, outsider: Any, call: Call
) -> None:
    SubmissionFactory.create(call=call)
    for person in (owner, outsider):
        client.force_login(person)
        assert client.get(reverse("competitions:desk")).status_code == 403
        assert client.get(reverse("competitions:desk_export", args=["csv"])).status_code == 403


def test_filters_tabs_and_sorting(client: Any, clerk: Any, call: Call, experts: list[Any]) -> None:
    rows = _many(call, 9)
    AssignmentFactory.create(submission=rows[4], expert=experts[0])
    client.force_login(clerk)  # a plain member of the funder reads the desk
    response = client.get(reverse("competitions:desk"), {"status": "review", "sort": "-score"})
    tabs = {value: count for value, _label, count in response.context["tabs"]}
    assert tabs[""] == 9
    assert tabs["submitted"] == 3
    assert tabs["review"] == 6
    listed = list(response.context["page"].object_list)
    assert [s.score_mean for s in listed] == sorted((s.score_mean for s in listed), reverse=True)
    assert all(s.status == "review" for s in listed)
    by_reviewer = (
        client.get(reverse("competitions:desk"), {"reviewer": experts[0].pk})
        .context["page"]
        .object_list
    )
    assert list(by_reviewer) == [rows[4]]
    scored = (
        client.get(reverse("competitions:desk"), {"score_min": "5", "score_max": "6"})
        .context["page"]
        .object_list
    )
    assert {s.pk for s in scored} == {rows[5].pk, rows[6].pk}
    found = (
        client.get(reverse("competitions:desk"), {"q": rows[2].title}).context["page"].object_list
    )
    assert list(found) == [rows[2]]


@pytest.mark.parametrize("count", [5, 30])
def test_the_desk_costs_the_same_queries_whatever_the_number_of_submissions(
    client: Any, official: Any, call: Call, count: int, django_assert_num_queries: Any
) -> None:
    _many(call, count)
    client.force_login(official)
    client.get(reverse("competitions:desk"))  # the session and the user are loaded
    with django_assert_num_queries(11):
        response = client.get(reverse("competitions:desk"), {"call": call.pk, "sort": "-score"})
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 30])
def test_exports_cost_the_same_queries_whatever_the_number_of_submissions(
    client: Any, official: Any, call: Call, count: int, django_assert_num_queries: Any
) -> None:
    _many(call, count)
    client.force_login(official)
    client.get(reverse("competitions:desk"))
    with django_assert_num_queries(4):
        response = client.get(reverse("competitions:desk_export", args=["xlsx"]))
    book = load_workbook(BytesIO(response.content))
    assert book.active.max_row == count + 1
    with django_assert_num_queries(4):
        response = client.get(reverse("competitions:desk_export", args=["csv"]))
        text = b"".join(response.streaming_content).decode()
    assert text.count("\n") == count + 1


def test_bulk_status_change_touches_only_the_funders_undecided_submissions(
    client: Any, official: Any, call: Call
) -> None:
    own = _many(call, 3)
    decided = SubmissionFactory.create(
        call=call, status=Submission.Status.DECLINED, decline_reason="Нет"
    )
    foreign = SubmissionFactory.create(call=CallFactory.create())
    client.force_login(official)
    response = client.post(
        reverse("competitions:desk_bulk"),
        {"status": "review", "ids": [s.pk for s in [*own, decided, foreign]]},
    )
    assert response.status_code == 302
    assert set(
        Submission.objects.filter(call=call).exclude(pk=decided.pk).values_list("status", flat=True)
    ) == {"review"}
    decided.refresh_from_db()
    foreign.refresh_from_db()
    assert decided.status == "declined"
    assert foreign.status == "submitted"


def test_a_plain_member_cannot_change_statuses_in_bulk(client: Any, clerk: Any, call: Call) -> None:
    row = SubmissionFactory.create(call=call)
    client.force_login(clerk)
    response = client.post(reverse("competitions:desk_bulk"), {"status": "review", "ids": [row.pk]})
    assert response.status_code == 403
    row.refresh_from_db()
    assert row.status == "submitted"
