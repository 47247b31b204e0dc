"""Reports on a grant: the grantee files indicators against the plan, spending by budget line
and files; the funder accepts or returns; overdue reports are reminded and escalated once."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nkohub.competitions import services
from nkohub.competitions.models import Report, ReportReminder, Submission
from nkohub.core.errors import DomainError
from nkohub.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(official: Any, submission: Submission) -> Report:
    services.submission_approve(actor=official, submission=submission, amount=Decimal("1000000"))
    return submission.agreement.reports.get(kind=Report.Kind.INTERIM)


def _data(report: Report, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"text": "Проведено 20 встреч клуба."}
    for line in report.spending.all():
        data[f"spent_{line.pk}"] = "1000"
    data.update(extra)
    return data


def test_the_grantee_files_and_the_funder_accepts(
    client: Any, owner: Any, official: Any, report: Report
) -> None:
    client.force_login(owner)
    upload = SimpleUploadedFile("акт.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client.post(
        reverse("competitions:report", args=[report.pk]), {**_data(report), "attachments": [upload]}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED
    assert report.files.get().original_name == "акт.pdf"
    assert (
        sum(line.spent for line in report.spending.all()) == Decimal(1000) * report.spending.count()
    )
    client.force_login(official)
    assert (
        client.get(
            reverse("competitions:report_file", args=[report.pk, report.files.get().pk])
        ).status_code
        == 200
    )
    client.post(reverse("competitions:report", args=[report.pk]), {"accept": "1"})
    report.refresh_from_db()
    assert report.status == Report.Status.ACCEPTED
    assert Notification.objects.filter(
        recipient=owner, kind="competitions.report.accepted"
    ).exists()


def test_a_returned_report_needs_remarks_and_can_be_filed_again(
    owner: Any, official: Any, report: Report
) -> None:
    services.report_submit(
        actor=owner, report=report, text="Сделано", actual={}, spent={}, files=[]
    )
    with pytest.raises(DomainError):
        services.report_review(actor=official, report=report, accept=False, note="")
    services.report_review(actor=official, report=report, accept=False, note="Приложите акты")
    report.refresh_from_db()
    assert report.status == Report.Status.RETURNED
    services.report_submit(
        actor=owner, report=report, text="Сделано, акты приложены", actual={}, spent={}, files=[]
    )
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED


@pytest.mark.parametrize("who", ["official", "clerk", "outsider", "member"])
def test_wrong_people_cannot_file(client: Any, request: Any, who: str, report: Report) -> None:
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("competitions:report", args=[report.pk]), _data(report))
    assert response.status_code == (404 if who == "outsider" else 403)
    report.refresh_from_db()
    assert report.status == Report.Status.DUE


@pytest.mark.parametrize("who", ["owner", "clerk", "outsider"])
def test_wrong_people_cannot_accept(
    client: Any, request: Any, who: str, owner: Any, report: Report
) -> None:
    services.report_submit(
        actor=owner, report=report, text="Сделано", actual={}, spent={}, files=[]
    )
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("competitions:report", args=[report.pk]), {"accept": "1"})
    assert response.status_code == (404 if who == "outsider" else 403)
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED


def test_overdue_reports_are_reminded_then_escalated_once(
    owner: Any, official: Any, report: Report
) -> None:
    day = report.due_on + datetime.timedelta(days=1)
    assert services.send_report_reminders(today=day) == "1 reminders, 0 escalations"
    assert services.send_report_reminders(today=day) == "0 reminders, 0 escalations"
    later = report.due_on + datetime.timedelta(days=20)
    assert services.send_report_reminders(today=later) == "0 reminders, 1 escalations"
    assert ReportReminder.objects.filter(report=report).count() == 2
    assert (
        Notification.objects.filter(recipient=owner, kind="competitions.report.reminder").count()
        == 1
    )
    assert (
        Notification.objects.filter(
            recipient=official, kind="competitions.report.escalation"
        ).count()
        == 1
    )
