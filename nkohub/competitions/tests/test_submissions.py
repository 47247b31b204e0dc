"""Submitting from the builder: a frozen version, one submission per double-click, withdrawal
until the deadline, and who may do it."""

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from nkohub.competitions import services
from nkohub.competitions.models import Call, Submission
from nkohub.core.errors import DomainError
from nkohub.grants import services as grants_services
from nkohub.grants.models import Application
from nkohub.grants.tests.conftest import clean_document

pytestmark = pytest.mark.django_db


def test_the_builder_page_offers_submission_and_the_submission_freezes_the_version(
    client: Any, owner: Any, application: Application, call: Call
) -> None:
    client.force_login(owner)
    page = client.get(reverse("grants:application", args=[application.pk])).content.decode()
    submit_url = reverse("competitions:submit", args=[application.pk])
    assert submit_url in page
    form = client.get(submit_url)
    assert form.status_code == 200
    response = client.post(submit_url, {"confirm": "on"})
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("competitions:submission", args=[submission.pk])
    assert submission.version.number == application.version
    assert submission.requested_amount == application.requested_amount
    assert submission.number == 1
    assert submission.call == call
    # The builder page now links to the submission's status instead.
    page = client.get(reverse("grants:application", args=[application.pk])).content.decode()
    assert reverse("competitions:submission", args=[submission.pk]) in page


def test_later_edits_make_a_new_draft_and_never_change_what_was_submitted(
    owner: Any, application: Application, submission: Submission, kaluga: Any, social: Any
) -> None:
    submitted_title = submission.version.snapshot["title"]
    document = clean_document(kaluga, social.pk)
    document["title"] = "Другое название после подачи"
    grants_services.application_save(
        actor=owner, application=application, document=document, base_version=application.version
    )
    submission.refresh_from_db()
    assert submission.version.snapshot["title"] == submitted_title
    assert submission.title == submitted_title
    assert application.versions.count() == submission.version.number + 1


def test_a_double_click_records_one_submission(owner: Any, application: Application) -> None:
    first = services.submission_submit(actor=owner, application=application)
    second = services.submission_submit(actor=owner, application=application)
    assert first.pk == second.pk
    assert Submission.objects.count() == 1


def test_withdrawal_is_allowed_until_the_deadline_and_then_a_new_submission_is_possible(
    client: Any, owner: Any, application: Application, submission: Submission
) -> None:
    client.force_login(owner)
    response = client.post(reverse("competitions:withdraw", args=[submission.pk]))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.WITHDRAWN
    again = services.submission_submit(actor=owner, application=application)
    assert again.pk != submission.pk
    assert again.number == 2


def test_withdrawal_after_the_deadline_is_refused(
    owner: Any, call: Call, submission: Submission
) -> None:
    Call.objects.filter(pk=call.pk).update(
        applications_open_on=timezone.localdate() - datetime.timedelta(days=30),
        applications_close_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    submission.refresh_from_db()
    with pytest.raises(DomainError):
        services.submission_withdraw(actor=owner, submission=submission)


def test_submission_is_refused_after_the_deadline(
    owner: Any, call: Call, application: Application
) -> None:
    Call.objects.filter(pk=call.pk).update(
        applications_open_on=timezone.localdate() - datetime.timedelta(days=30),
        applications_close_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    with pytest.raises(DomainError, match="принимаются"):
        services.submission_submit(actor=owner, application=application)


def test_the_funders_required_answers_and_documents_are_asked(
    owner: Any, official: Any, call: Call, application: Application
) -> None:
    Call.objects.filter(pk=call.pk).update(status=Call.Status.DRAFT)
    call.refresh_from_db()
    services.call_set_questions(
        actor=official, call=call, questions=[{"text": "Сколько у вас волонтёров?"}]
    )
    Call.objects.filter(pk=call.pk).update(status=Call.Status.PUBLISHED)
    with pytest.raises(DomainError, match="волонтёров"):
        services.submission_submit(actor=owner, application=application)
    question = call.questions.get()
    submission = services.submission_submit(
        actor=owner, application=application, answers={question.pk: "Сорок"}
    )
    assert submission.answers.get().text == "Сорок"


@pytest.mark.parametrize("who", ["member", "outsider", "official"])
def test_wrong_people_cannot_submit(
    client: Any, request: Any, who: str, application: Application
) -> None:
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("competitions:submit", args=[application.pk]), {"confirm": "on"})
    assert response.status_code == (403 if who == "member" else 404)
    assert not Submission.objects.exists()


@pytest.mark.parametrize("who", ["member", "outsider", "official", "clerk"])
def test_wrong_people_cannot_withdraw(
    client: Any, request: Any, who: str, submission: Submission
) -> None:
    client.force_login(request.getfixturevalue(who))
    response = client.post(reverse("competitions:withdraw", args=[submission.pk]))
    assert response.status_code == (404 if who == "outsider" else 403)
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED


def test_the_applicant_sees_the_status_and_the_deadline(
    client: Any, member: Any, submission: Submission, call: Call
) -> None:
    client.force_login(member)
    page = client.get(reverse("competitions:submission", args=[submission.pk])).content.decode()
    assert "подана" in page
    assert call.applications_close_on.strftime("%d.%m.%Y") in page
    listing = client.get(reverse("competitions:my_submissions")).content.decode()
    assert submission.title in listing
