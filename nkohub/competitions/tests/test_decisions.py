"""Decisions: approve up to the request (an agreement with milestones and reports follows),
decline with a reason, ask for more and the applicant answers in place; results and open data."""

import datetime
import json
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.competitions import services
from nkohub.competitions.models import Call, Report, Submission
from nkohub.core.errors import DomainError
from nkohub.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_approval_is_not_above_the_request_and_concludes_the_agreement(
    client: Any, official: Any, owner: Any, submission: Submission
) -> None:
    client.force_login(official)
    url = reverse("competitions:decide", args=[submission.pk])
    client.post(url, {"action": "approve", "amount": str(submission.requested_amount + 1)})
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED
    client.post(url, {"action": "approve", "amount": "1200000"})
    submission.refresh_from_db()
    assert submission.status == Submission.Status.APPROVED
    assert submission.awarded_amount == Decimal("1200000")
    agreement = submission.agreement
    snapshot_events = submission.version.snapshot["plan_events"]
    assert agreement.milestones.count() == len(snapshot_events) > 0
    assert sorted(agreement.reports.values_list("kind", flat=True)) == [
        Report.Kind.FINAL,
        Report.Kind.INTERIM,
    ]
    final = agreement.reports.get(kind=Report.Kind.FINAL)
    assert final.spending.count() == len(submission.version.snapshot["budget_items"])
    assert Notification.objects.filter(
        recipient=owner, kind="competitions.submission.approved"
    ).exists()


def test_a_decline_needs_a_reason_and_the_applicant_is_told(
    official: Any, owner: Any, submission: Submission
) -> None:
    with pytest.raises(DomainError):
        services.submission_decline(actor=official, submission=submission, reason=" ")
    services.submission_decline(actor=official, submission=submission, reason="Бюджет не обоснован")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.DECLINED
    note = Notification.objects.get(recipient=owner, kind="competitions.submission.declined")
    assert note.body == "Бюджет не обоснован"


def test_asking_for_more_and_the_answer_in_place_keeps_the_version(
    client: Any, official: Any, owner: Any, submission: Submission
) -> None:
    version = submission.version_id
    services.submission_ask_info(
        actor=official, submission=submission, question="Приложите смету на аренду"
    )
    submission.refresh_from_db()
    assert submission.status == Submission.Status.INFO_REQUESTED
    client.force_login(owner)
    page = client.get(reverse("competitions:submission", args=[submission.pk])).content.decode()
    assert "Приложите смету на аренду" in page
    client.post(
        reverse("competitions:answer", args=[submission.pk]), {"answer": "Смета: 12 000 ₽ в месяц"}
    )
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REVIEW
    assert submission.version_id == version
    assert submission.info_requests.get().answer == "Смета: 12 000 ₽ в месяц"


def test_a_withdrawn_submission_cannot_be_decided(
    official: Any, owner: Any, submission: Submission
) -> None:
    services.submission_withdraw(actor=owner, submission=submission)
    with pytest.raises(DomainError):
        services.submission_approve(actor=official, submission=submission, amount=Decimal("1"))


@pytest.mark.parametrize("who", ["owner", "clerk", "outsider", "member"])
def test_wrong_people_cannot_decide(
    client: Any, request: Any, who: str, submission: Submission
) -> None:
    client.force_login(request.getfixturevalue(who))
    response = client.post(
        reverse("competitions:decide", args=[submission.pk]),
        {"action": "approve", "amount": "1000"},
    )
    assert response.status_code == (404 if who == "outsider" else 403)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED


@pytest.mark.parametrize("who", ["official", "clerk", "outsider", "member"])
def test_wrong_people_cannot_answer(
    client: Any, request: Any, who: str, official: Any, submission: Submission
) -> None:
    services.submission_ask_info(actor=official, submission=submission, question="Вопрос")
    client.force_login(request.getfixturevalue(who))
    response = client.post(
        reverse("competitions:answer", args=[submission.pk]), {"answer": "Ответ"}
    )
    assert response.status_code == (404 if who == "outsider" else 403)


def test_results_page_and_open_data_show_the_winners(
    client: Any, official: Any, call: Call, submission: Submission
) -> None:
    services.submission_approve(actor=official, submission=submission, amount=Decimal("900000"))
    results_url = reverse("competitions:results", args=[call.pk])
    assert client.get(results_url).status_code == 404  # not published yet
    with pytest.raises(DomainError):
        services.call_publish_results(actor=official, call=call)  # applications still accepted
    Call.objects.filter(pk=call.pk).update(
        applications_open_on=timezone.localdate() - datetime.timedelta(days=40),
        applications_close_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    services.call_publish_results(actor=official, call=call)
    page = client.get(results_url).content.decode()
    assert submission.organization.short_name in page or submission.organization.full_name in page
    assert "900 000,00" in page.replace("\xa0", " ")
    data = json.loads(client.get(reverse("competitions:results_json", args=[call.pk])).content)
    assert data["approved"] == 1
    assert data["total_awarded"] == "900000.00"
    assert data["winners"][0]["inn"] == submission.organization.inn
    csv_text = client.get(reverse("competitions:results_csv", args=[call.pk])).content.decode()
    assert submission.title in csv_text


def test_funding_by_year_counts_the_decided_money(
    official: Any, call: Call, submission: Submission
) -> None:
    from nkohub.competitions.selectors import funding_by_year

    services.submission_approve(actor=official, submission=submission, amount=Decimal("750000"))
    assert funding_by_year() == [
        {
            "year": call.applications_close_on.year,
            "calls": 1,
            "submitted": 1,
            "approved": 1,
            "awarded": Decimal("750000.00"),
        }
    ]
