"""Stored due dates never move by themselves: when a year's calendar is loaded or corrected, operators review
which open appeals' due dates it would move (old → new) and apply the change explicitly, audited per appeal
and told to each appeal's author and handler."""

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from nkohub.core.models import AuditEntry
from nkohub.notifications.models import Notification
from nkohub.reception import production_calendar, selectors, services
from nkohub.reception.models import Appeal, AppealEvent, CalendarDay
from nkohub.reception.tests.clock import at

pytestmark = pytest.mark.django_db

REVIEW = reverse("reception:calendar_due_dates")


def fingerprint(client: Any) -> str:
    return str(client.get(REVIEW).context["review"].fingerprint)


def apply(client: Any, *appeals: Appeal, print_: str | None = None) -> Any:
    return client.post(
        REVIEW,
        {
            "appeals": [appeal.pk for appeal in appeals],
            "fingerprint": print_ or fingerprint(client),
        },
    )


def store_as_before(appeal: Appeal) -> Appeal:
    """The registration date the previous version of the platform stored for an appeal received on
    31.12.2026, having no 2027 calendar: Sunday 03.01 moved to a «working» Monday 04.01."""
    assert appeal.registration_due == date(2027, 1, 11)
    Appeal.objects.filter(pk=appeal.pk).update(registration_due=date(2027, 1, 4))
    appeal.refresh_from_db()
    return appeal


@pytest.fixture
def received_on_new_years_eve(sent_on_new_years_eve: Appeal) -> Appeal:
    return store_as_before(sent_on_new_years_eve)


@pytest.fixture
def registered_on_7_may_2027(make_appeal: Any) -> Appeal:
    with at("2027-05-07"):
        appeal = make_appeal(Appeal.Status.REGISTERED, registered_on=date(2027, 5, 7))
    assert appeal.answer_due == date(2027, 6, 7)
    return appeal


def test_the_review_lists_the_appeal_received_on_31_december_2026_with_old_and_new_dates(
    client: Any, operator: Any, received_on_new_years_eve: Appeal
) -> None:
    client.force_login(operator)
    response = client.get(REVIEW)
    assert response.status_code == 200
    (change,) = response.context["review"].changes
    assert change.appeal == received_on_new_years_eve
    assert [(m.field, m.old, m.new) for m in change.moves] == [
        ("registration_due", date(2027, 1, 4), date(2027, 1, 11))
    ]
    content = response.content.decode()
    assert "4 января 2027" in content
    assert "11 января 2027" in content


def test_applying_moves_the_due_date_and_records_it(
    client: Any, operator: Any, received_on_new_years_eve: Appeal
) -> None:
    client.force_login(operator)
    response = apply(client, received_on_new_years_eve)
    assert response.status_code == 302
    received_on_new_years_eve.refresh_from_db()
    assert received_on_new_years_eve.registration_due == date(2027, 1, 11)
    event = AppealEvent.objects.get(
        appeal=received_on_new_years_eve, kind=AppealEvent.Kind.DUE_DATES_CHANGED
    )
    assert event.actor == operator
    assert "11 января 2027 (было 4 января 2027)" in event.text
    audit = AuditEntry.objects.get(action="reception.appeal.due_dates_changed")
    assert audit.changes == {"registration_due": ["2027-01-04", "2027-01-11"]}
    assert audit.object_id == str(received_on_new_years_eve.pk)
    assert selectors.due_date_review().changes == []


def test_the_author_and_the_handler_are_told_of_the_new_date(
    client: Any, operator: Any, editor: Any, official: Any, received_on_new_years_eve: Appeal
) -> None:
    client.force_login(operator)
    apply(client, received_on_new_years_eve)
    told = Notification.objects.filter(kind="reception.appeal.due_dates_changed")
    assert {n.recipient for n in told} == {editor, official}
    assert all("зарегистрировать не позднее 11 января 2027" in n.body.lower() for n in told)


def test_an_override_shows_what_it_would_move_and_moves_nothing_by_itself(
    client: Any, operator: Any, registered_on_7_may_2027: Appeal
) -> None:
    with at("2027-05-20"):
        client.force_login(operator)
        response = client.post(
            reverse("reception:calendar"),
            {"day": "2027-06-07", "kind": "holiday", "description": "Дополнительный выходной"},
        )
        assert response["Location"] == REVIEW
        registered_on_7_may_2027.refresh_from_db()
        assert registered_on_7_may_2027.answer_due == date(2027, 6, 7)
        (change,) = client.get(REVIEW).context["review"].changes
    assert [(m.field, m.old, m.new) for m in change.moves] == [
        ("answer_due", date(2027, 6, 7), date(2027, 6, 8))
    ]


def test_loading_a_years_calendar_shows_the_due_dates_it_would_move(
    make_appeal: Any, monkeypatch: Any
) -> None:
    # A deployment whose package knew nothing of 2027 stored 22.02.2027 (a Monday by the Labour Code)…
    monkeypatch.setattr(production_calendar, "PACKAGE_LAST_YEAR", 2026)
    with at("2027-02-19"):
        appeal = make_appeal(Appeal.Status.SUBMITTED)
    assert appeal.registration_due == date(2027, 2, 22)
    # …then the package was updated and carries the decree: 22.02 is a transferred day off.
    monkeypatch.undo()
    (change,) = selectors.due_date_review().changes
    assert [(m.old, m.new) for m in change.moves] == [(date(2027, 2, 22), date(2027, 2, 24))]


def test_an_unticked_appeal_keeps_its_due_dates(
    client: Any,
    operator: Any,
    received_on_new_years_eve: Appeal,
    registered_on_7_may_2027: Appeal,
) -> None:
    CalendarDay.objects.create(
        day=date(2027, 6, 7), kind=CalendarDay.Kind.HOLIDAY, description="Выходной"
    )
    client.force_login(operator)
    apply(client, registered_on_7_may_2027)
    registered_on_7_may_2027.refresh_from_db()
    received_on_new_years_eve.refresh_from_db()
    assert registered_on_7_may_2027.answer_due == date(2027, 6, 8)
    assert received_on_new_years_eve.registration_due == date(2027, 1, 4)


def test_a_review_that_changed_since_it_was_seen_applies_nothing(
    client: Any, operator: Any, received_on_new_years_eve: Appeal, registered_on_7_may_2027: Appeal
) -> None:
    client.force_login(operator)
    seen = fingerprint(client)
    CalendarDay.objects.create(
        day=date(2027, 6, 7), kind=CalendarDay.Kind.HOLIDAY, description="Выходной"
    )
    response = apply(client, received_on_new_years_eve, print_=seen)
    assert response.status_code == 302
    received_on_new_years_eve.refresh_from_db()
    assert received_on_new_years_eve.registration_due == date(2027, 1, 4)
    assert "Проверьте список ещё раз" in client.get(REVIEW).content.decode()


def test_applying_with_nothing_ticked_says_so(
    client: Any, operator: Any, received_on_new_years_eve: Appeal
) -> None:
    client.force_login(operator)
    response = client.post(REVIEW, {"fingerprint": fingerprint(client)})
    assert response.status_code == 400
    assert "Отметьте обращения" in response.content.decode()


def test_applying_is_all_or_nothing(
    client: Any,
    operator: Any,
    received_on_new_years_eve: Appeal,
    registered_on_7_may_2027: Appeal,
    monkeypatch: Any,
) -> None:
    CalendarDay.objects.create(
        day=date(2027, 6, 7), kind=CalendarDay.Kind.HOLIDAY, description="Выходной"
    )
    told: list[Any] = []

    def failing_notify(**kwargs: Any) -> list[Any]:
        told.append(kwargs)
        if len(told) > 2:  # the second appeal's author
            raise RuntimeError("mail server down")
        return []

    monkeypatch.setattr(services._shared, "notify", failing_notify)
    review = selectors.due_date_review()
    with pytest.raises(RuntimeError):
        services.appeals_apply_due_dates(
            actor=operator,
            appeal_ids=[c.appeal.pk for c in review.changes],
            fingerprint=review.fingerprint,
        )
    received_on_new_years_eve.refresh_from_db()
    assert received_on_new_years_eve.registration_due == date(2027, 1, 4)
    assert not AppealEvent.objects.filter(kind=AppealEvent.Kind.DUE_DATES_CHANGED).exists()


def test_finished_appeals_are_never_listed(make_appeal: Any) -> None:
    with at("2026-12-31"):
        appeal = make_appeal(Appeal.Status.ANSWERED)
    Appeal.objects.filter(pk=appeal.pk).update(answer_due=date(2027, 1, 30))
    assert selectors.due_date_review().changes == []


def test_the_empty_review_says_everything_agrees(client: Any, operator: Any) -> None:
    client.force_login(operator)
    assert "Нет сроков на проверку" in client.get(REVIEW).content.decode()


def test_the_operators_cabinet_points_to_the_review(
    client: Any, operator: Any, received_on_new_years_eve: Appeal
) -> None:
    client.force_login(operator)
    cabinet = client.get(reverse("core:cabinet")).content.decode()
    assert "Проверить сроки 1 открытого обращения" in cabinet


@pytest.mark.parametrize("person", ["official", "editor", "outsider"])
def test_only_operators_review_and_apply(
    client: Any, request: Any, person: str, received_on_new_years_eve: Appeal
) -> None:
    review = selectors.due_date_review()
    client.force_login(request.getfixturevalue(person))
    assert client.get(REVIEW).status_code == 403
    response = client.post(
        REVIEW, {"appeals": [received_on_new_years_eve.pk], "fingerprint": review.fingerprint}
    )
    assert response.status_code == 403
    received_on_new_years_eve.refresh_from_db()
    assert received_on_new_years_eve.registration_due == date(2027, 1, 4)


def test_the_service_refuses_someone_who_is_not_an_operator(
    official: Any, received_on_new_years_eve: Appeal
) -> None:
    from django.core.exceptions import PermissionDenied

    review = selectors.due_date_review()
    with pytest.raises(PermissionDenied):
        services.appeals_apply_due_dates(
            actor=official,
            appeal_ids=[received_on_new_years_eve.pk],
            fingerprint=review.fingerprint,
        )


def test_the_review_costs_the_same_queries_with_more_appeals(
    client: Any, operator: Any, make_appeal: Any, django_assert_num_queries: Any
) -> None:
    def stale_appeal() -> None:
        with at("2026-12-31"):
            store_as_before(make_appeal(Appeal.Status.SUBMITTED))

    stale_appeal()
    client.force_login(operator)
    client.get(REVIEW)
    # session, user, the open appeals' dates, the overrides of 2027, the appeals that would move
    with django_assert_num_queries(5) as first:
        client.get(REVIEW)
    for _ in range(4):
        stale_appeal()
    with django_assert_num_queries(len(first.captured_queries)):
        response = client.get(REVIEW)
    assert len(response.context["review"].changes) == 5
