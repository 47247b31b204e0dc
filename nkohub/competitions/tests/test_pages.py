"""The app's other list pages: constant queries as rows grow, empty states, well-formed links;
and the remaining writes refused to the wrong people."""

import datetime
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from nkohub.competitions import services
from nkohub.competitions.models import Call, Submission, SubmissionDocument
from nkohub.competitions.tests.factories import AssignmentFactory, CallFactory, SubmissionFactory
from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_empty_lists_say_so(client: Any, outsider: Any) -> None:
    assert "Конкурсов пока нет" in client.get(reverse("competitions:index")).content.decode()
    client.force_login(outsider)
    assert "Заявок пока нет" in client.get(reverse("competitions:my_submissions")).content.decode()
    assert "Экспертиз нет" in client.get(reverse("competitions:reviews")).content.decode()


@pytest.mark.parametrize("count", [3, 25])
def test_the_public_list_of_calls_costs_the_same_queries(
    client: Any, count: int, django_assert_num_queries: Any
) -> None:
    for _ in range(count):
        CallFactory.create()
    with django_assert_num_queries(2):
        response = client.get(reverse("competitions:index"))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 25])
def test_my_submissions_and_my_reviews_cost_the_same_queries(
    client: Any,
    owner: Any,
    ngo: Any,
    call: Call,
    experts: list[Any],
    count: int,
    django_assert_num_queries: Any,
) -> None:
    for _ in range(count):
        submission = SubmissionFactory.create(call=call, organization=ngo)
        AssignmentFactory.create(submission=submission, expert=experts[0])
    client.force_login(owner)
    client.get(reverse("competitions:my_submissions"))
    with django_assert_num_queries(4):
        assert client.get(reverse("competitions:my_submissions")).status_code == 200
    client.force_login(experts[0])
    client.get(reverse("competitions:reviews"))
    with django_assert_num_queries(4):
        assert client.get(reverse("competitions:reviews")).status_code == 200


def test_the_desks_links_are_well_formed_queries(client: Any, official: Any, call: Call) -> None:
    SubmissionFactory.create(call=call)
    client.force_login(official)
    page = client.get(reverse("competitions:desk"), {"call": call.pk}).content.decode()
    assert "??" not in page
    assert 'href="?call=' in page.replace("&amp;", "&")  # the status tabs keep the other filters
    assert f"/competitions/desk/export.csv?call={call.pk}" in page


@pytest.mark.parametrize("who", ["clerk", "owner", "outsider"])
def test_wrong_people_cannot_edit_parts_or_move_the_call(
    client: Any, request: Any, who: str, call: Call
) -> None:
    client.force_login(request.getfixturevalue(who))
    expected = 403
    response = client.post(
        reverse("competitions:call_parts", args=[call.pk]),
        {
            "criteria-TOTAL_FORMS": "0",
            "criteria-INITIAL_FORMS": "0",
            "required_documents": "",
            "optional_documents": "",
            "questions": "x",
        },
    )
    assert (
        response.status_code == expected
    )  # the call is public: insiders and outsiders are refused alike
    for name in ("call_start_review", "call_publish_results"):
        assert client.post(reverse(f"competitions:{name}", args=[call.pk])).status_code == expected
    call.refresh_from_db()
    assert call.status == Call.Status.PUBLISHED
    assert call.criteria.count() == 3
    assert not call.questions.exists()


def test_documents_of_a_submission_are_served_only_to_those_who_may_read_it(
    client: Any,
    owner: Any,
    official: Any,
    outsider: Any,
    submission: Submission,
    experts: list[Any],
) -> None:
    document = SubmissionDocument.objects.create(
        submission=submission,
        file=SimpleUploadedFile("устав.pdf", b"%PDF-1.4"),
        original_name="устав.pdf",
    )
    url = reverse("competitions:submission_document", args=[submission.pk, document.pk])
    for person, status in ((owner, 200), (official, 200), (outsider, 404)):
        client.force_login(person)
        assert client.get(url).status_code == status
    assignment = services.assignment_create(
        actor=official, submission=submission, expert=experts[0]
    )
    client.force_login(experts[0])
    assert client.get(url).status_code == 404  # not before the declaration
    services.assignment_declare(actor=experts[0], assignment=assignment, conflict=False)
    assert client.get(url).status_code == 200


def test_a_member_of_another_funder_sees_nothing_of_the_call(
    client: Any, submission: Submission, call: Call
) -> None:
    other = CallFactory.create()
    stranger = MembershipFactory.create(
        organization=other.organization, role=Membership.Role.OWNER
    ).user
    client.force_login(stranger)
    assert client.get(reverse("competitions:submission", args=[submission.pk])).status_code == 404
    response = client.get(reverse("competitions:desk"))
    assert submission.title not in response.content.decode()


def test_the_call_moves_to_review_after_the_deadline(official: Any, call: Call) -> None:
    Call.objects.filter(pk=call.pk).update(
        applications_open_on=timezone.localdate() - datetime.timedelta(days=30),
        applications_close_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    call.refresh_from_db()
    services.call_start_review(actor=official, call=call)
    call.refresh_from_db()
    assert call.status == Call.Status.REVIEW
