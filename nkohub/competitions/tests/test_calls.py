"""A funder's call: created by its editors, criteria (the Fund's template), published on the
competitions calendar with the rules the builder's checker applies; wrong people refused."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.competitions import services
from nkohub.competitions.models import Call
from nkohub.core.errors import DomainError
from nkohub.grants.models import Competition
from nkohub.grants.selectors import competition_rules

pytestmark = pytest.mark.django_db


def _form(authority: Any, social: Any, **extra: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "organization": authority.pk,
        "title": "Малые гранты министерства",
        "description": "",
        "eligibility": "СО НКО Калужской области",
        "directions": [social.pk],
        "applications_open_on": today.isoformat(),
        "applications_close_on": (today + datetime.timedelta(days=30)).isoformat(),
        "implementation_starts_from": "2027-01-01",
        "implementation_ends_by": "2027-12-31",
        "min_amount": "50000",
        "max_amount": "500000",
        "budget_total": "5000000",
        "cofinancing_min_percent": "5",
        "reviews_per_submission": "2",
        "score_gap": "20",
        **extra,
    }


def test_an_editor_of_the_authority_creates_sets_criteria_and_publishes_a_call(
    client: Any, official: Any, authority: Any, social: Any
) -> None:
    client.force_login(official)
    response = client.post(reverse("competitions:call_create"), _form(authority, social))
    call = Call.objects.get()
    assert response.status_code == 302
    assert call.status == Call.Status.DRAFT
    assert call.competition is None
    # Not on the calendar before it is published; publishing needs criteria.
    client.post(reverse("competitions:call_publish", args=[call.pk]))
    call.refresh_from_db()
    assert call.status == Call.Status.DRAFT
    client.post(reverse("competitions:call_fund_criteria", args=[call.pk]))
    assert call.criteria.count() == 10
    client.post(reverse("competitions:call_publish", args=[call.pk]))
    call.refresh_from_db()
    assert call.status == Call.Status.PUBLISHED
    competition = Competition.objects.get(call=call)
    rules = competition_rules(competition)
    assert rules is not None
    assert rules.max_amount == Decimal("500000")
    assert rules.cofinancing_min_percent == Decimal("5")
    assert rules.direction_ids == frozenset({social.pk})
    page = client.get(reverse("grants:competition", args=[competition.pk])).content.decode()
    assert reverse("competitions:call", args=[call.pk]) in page


def test_a_published_calls_changes_follow_on_the_calendar(official: Any, call: Call) -> None:
    call.max_amount = Decimal("2500000")
    services.call_save(actor=official, call=call)
    assert Competition.objects.get(call=call).max_amount == Decimal("2500000")


def test_the_parts_page_saves_criteria_documents_and_questions(
    client: Any, official: Any, call: Call
) -> None:
    client.force_login(official)
    response = client.post(
        reverse("competitions:call_parts", args=[call.pk]),
        {
            "criteria-TOTAL_FORMS": "1",
            "criteria-INITIAL_FORMS": "0",
            "criteria-0-name": "Социальная значимость",
            "criteria-0-weight": "3",
            "criteria-0-max_score": "10",
            "required_documents": "Устав\nВыписка из ЕГРЮЛ",
            "optional_documents": "Письма поддержки",
            "questions": "Сколько у вас волонтёров?",
        },
    )
    assert response.status_code == 302
    assert list(call.criteria.values_list("name", "weight")) == [
        ("Социальная значимость", Decimal("3.00"))
    ]
    assert list(call.required_documents.values_list("name", "is_required")) == [
        ("Устав", True),
        ("Выписка из ЕГРЮЛ", True),
        ("Письма поддержки", False),
    ]
    assert call.questions.get().text == "Сколько у вас волонтёров?"


def test_criteria_no_longer_change_once_scored(
    official: Any, call: Call, submission: Any, experts: list[Any]
) -> None:
    assignment = services.assignment_create(
        actor=official, submission=submission, expert=experts[0]
    )
    services.assignment_declare(actor=experts[0], assignment=assignment, conflict=False)
    criterion = call.criteria.first()
    assert criterion is not None
    services.review_save(
        actor=experts[0],
        assignment=assignment,
        scores={criterion.pk: (5, "")},
        summary="",
        submit=False,
    )
    with pytest.raises(DomainError):
        services.call_use_fund_criteria(actor=official, call=call)


@pytest.mark.parametrize("who", ["clerk", "owner", "outsider"])
def test_wrong_people_cannot_publish_or_edit(
    client: Any, request: Any, who: str, official: Any, authority: Any, social: Any
) -> None:
    draft = services.call_save(
        actor=official,
        call=Call(
            organization=authority,
            title="Черновик",
            applications_open_on=timezone.localdate(),
            applications_close_on=timezone.localdate(),
            implementation_starts_from=timezone.localdate(),
            implementation_ends_by=timezone.localdate(),
            max_amount=Decimal("1"),
        ),
    )
    client.force_login(request.getfixturevalue(who))
    expected = 403 if who == "clerk" else 404
    assert (
        client.post(reverse("competitions:call_publish", args=[draft.pk])).status_code == expected
    )
    assert (
        client.post(reverse("competitions:call_fund_criteria", args=[draft.pk])).status_code
        == expected
    )
    assert client.get(reverse("competitions:call_edit", args=[draft.pk])).status_code == expected
    draft.refresh_from_db()
    assert draft.status == Call.Status.DRAFT
    assert not draft.criteria.exists()


def test_an_ngo_cannot_create_a_call(client: Any, owner: Any, authority: Any, social: Any) -> None:
    client.force_login(owner)
    assert client.get(reverse("competitions:call_create")).status_code == 403
    response = client.post(reverse("competitions:call_create"), _form(authority, social))
    assert response.status_code == 403
    assert not Call.objects.exists()


def test_the_public_list_shows_published_calls_only(
    client: Any, call: Call, official: Any, authority: Any
) -> None:
    Call.objects.create(
        organization=authority,
        title="Невидимый черновик",
        applications_open_on=timezone.localdate(),
        applications_close_on=timezone.localdate(),
        implementation_starts_from=timezone.localdate(),
        implementation_ends_by=timezone.localdate(),
    )
    page = client.get(reverse("competitions:index")).content.decode()
    assert call.title in page
    assert "Невидимый черновик" not in page
    assert client.get(reverse("competitions:call", args=[call.pk])).status_code == 200
