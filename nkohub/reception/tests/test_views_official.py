"""Officials' desk and actions, and the rights: an official sees only their authority's appeals."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nkohub.core.pagination import DEFAULT_PAGE_SIZE
from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import MembershipFactory
from nkohub.reception.models import Appeal, Topic

ROW = "Компенсация за социальные услуги</a></h3>"  # the heading of one appeal in a list

pytestmark = pytest.mark.django_db


def url(appeal: Appeal, action: str | None = None) -> str:
    if action:
        return reverse("reception:appeal_action", args=[appeal.pk, action])
    return reverse("reception:appeal", args=[appeal.pk])


# Reading -------------------------------------------------------------------------------------
def test_the_official_opens_an_appeal_to_their_authority(
    client: Any, official: Any, make_appeal: Any
) -> None:
    appeal = make_appeal()
    client.force_login(official)
    response = client.get(url(appeal))
    assert response.status_code == 200
    assert "register" in response.context["action_forms"]


def test_an_official_of_another_ministry_cannot_read_the_appeal(
    client: Any, other_official: Any, make_appeal: Any
) -> None:
    appeal = make_appeal(Appeal.Status.IN_WORK)
    client.force_login(other_official)
    assert client.get(url(appeal)).status_code == 404


def test_an_official_never_sees_a_draft(client: Any, official: Any, make_appeal: Any) -> None:
    client.force_login(official)
    assert client.get(url(make_appeal(Appeal.Status.DRAFT))).status_code == 404


def test_an_author_reads_only_their_organisations_appeals(
    client: Any, make_appeal: Any, other_ngo: Any, outsider: Any
) -> None:
    other_editor = MembershipFactory(organization=other_ngo, role=Membership.Role.EDITOR).user
    appeal = make_appeal(Appeal.Status.REGISTERED)
    for person in (other_editor, outsider):
        client.force_login(person)
        assert client.get(url(appeal)).status_code == 404


def test_a_plain_member_of_the_ngo_does_not_read_its_appeals(
    client: Any, member: Any, make_appeal: Any
) -> None:
    client.force_login(member)
    assert client.get(url(make_appeal())).status_code == 404


def test_a_guest_is_sent_to_log_in(client: Any, make_appeal: Any) -> None:
    response = client.get(url(make_appeal()))
    assert response.status_code == 302


def test_an_operator_reads_but_cannot_act(client: Any, operator: Any, make_appeal: Any) -> None:
    appeal = make_appeal()
    client.force_login(operator)
    page = client.get(url(appeal))
    assert page.status_code == 200
    assert f"<h1>{appeal.subject}</h1>" in page.content.decode()
    assert url(appeal, "register") not in page.content.decode()
    assert client.post(url(appeal, "register"), {"registered_on": "2026-11-23"}).status_code == 403


# Acting --------------------------------------------------------------------------------------
def test_the_official_registers_through_the_page(
    client: Any, official: Any, make_appeal: Any
) -> None:
    from django.utils import timezone

    appeal = make_appeal()
    client.force_login(official)
    response = client.post(
        url(appeal, "register"),
        {"registered_on": timezone.localdate().isoformat(), "registration_number": ""},
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.REGISTERED
    assert appeal.registration_number


def test_the_official_answers_with_a_file(client: Any, official: Any, make_appeal: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    appeal = make_appeal(Appeal.Status.IN_WORK)
    client.force_login(official)
    pdf = SimpleUploadedFile("ответ.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = client.post(
        url(appeal, "answer"), {"text": "Ответ по существу.", "attachments": pdf}
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.ANSWERED
    assert appeal.attachments.get().role == "answer"


def test_a_refused_action_shows_the_reason_next_to_the_form(
    client: Any, official: Any, make_appeal: Any
) -> None:
    appeal = make_appeal(Appeal.Status.REGISTERED)
    client.force_login(official)
    response = client.post(url(appeal, "extend"), {"days": "45", "reason": "Долго"})
    assert response.status_code == 400
    assert "Убедитесь, что это значение меньше либо равно 30" in response.content.decode()


def test_the_official_redirects_and_extends_and_closes(
    client: Any, official: Any, make_appeal: Any, other_authority: Any
) -> None:
    client.force_login(official)
    first, second, third = (make_appeal(Appeal.Status.REGISTERED) for _ in range(3))
    assert (
        client.post(
            url(first, "redirect"),
            {"to_authority": other_authority.pk, "note": "Не наша компетенция"},
        ).status_code
        == 302
    )
    assert (
        client.post(
            url(second, "extend"), {"days": "15", "reason": "Запрос в ведомство"}
        ).status_code
        == 302
    )
    assert (
        client.post(url(third, "close"), {"ground": "unclear", "note": "Суть неясна"}).status_code
        == 302
    )
    statuses = [Appeal.objects.get(pk=a.pk).status for a in (first, second, third)]
    assert statuses == [Appeal.Status.REDIRECTED, Appeal.Status.IN_WORK, Appeal.Status.CLOSED]


def test_the_official_assigns_a_colleague(
    client: Any, official: Any, colleague: Any, make_appeal: Any
) -> None:
    appeal = make_appeal(Appeal.Status.REGISTERED)
    client.force_login(official)
    assert client.post(url(appeal, "assign"), {"assignee": colleague.pk}).status_code == 302
    assert Appeal.objects.get(pk=appeal.pk).assignee == colleague


@pytest.mark.parametrize("action", ["register", "assign", "extend", "answer", "redirect", "close"])
def test_the_author_cannot_perform_an_officials_action(
    client: Any, editor: Any, make_appeal: Any, action: str
) -> None:
    appeal = make_appeal()
    client.force_login(editor)
    assert client.post(url(appeal, action), {"text": "x"}).status_code == 403
    assert Appeal.objects.get(pk=appeal.pk).status == Appeal.Status.SUBMITTED


@pytest.mark.parametrize("action", ["register", "answer", "clarify", "rate"])
def test_an_official_of_another_authority_gets_404_for_any_action(
    client: Any, other_official: Any, make_appeal: Any, action: str
) -> None:
    appeal = make_appeal()
    client.force_login(other_official)
    assert client.post(url(appeal, action), {"text": "x"}).status_code == 404


@pytest.mark.parametrize("action", ["clarify", "rate"])
def test_the_official_cannot_perform_the_authors_action(
    client: Any, official: Any, make_appeal: Any, action: str
) -> None:
    appeal = make_appeal(Appeal.Status.ANSWERED)
    client.force_login(official)
    assert client.post(url(appeal, action), {"text": "x", "rating": "5"}).status_code == 403


def test_an_unknown_action_is_404(client: Any, official: Any, make_appeal: Any) -> None:
    client.force_login(official)
    assert client.post(url(make_appeal(), "delete")).status_code == 404


# The desk ------------------------------------------------------------------------------------
def test_the_desk_lists_only_the_authoritys_appeals(
    client: Any, official: Any, make_appeal: Any, other_authority: Any, other_official: Any
) -> None:
    mine = make_appeal()
    make_appeal(to=other_authority, by=other_official)
    make_appeal(Appeal.Status.DRAFT)
    client.force_login(official)
    response = client.get(reverse("reception:desk"))
    assert list(response.context["page"].object_list) == [mine]


def test_the_desk_of_another_authority_is_404(
    client: Any, official: Any, other_authority: Any
) -> None:
    client.force_login(official)
    assert (
        client.get(reverse("reception:desk"), {"authority": other_authority.pk}).status_code == 404
    )


def test_the_desk_is_refused_to_someone_who_is_not_an_official(client: Any, editor: Any) -> None:
    client.force_login(editor)
    assert client.get(reverse("reception:desk")).status_code == 403


def test_the_desk_filters_by_status_topic_overdue_and_assignee(
    client: Any, official: Any, make_appeal: Any, authority: Any
) -> None:
    import time_machine

    topic = Topic.objects.create(authority=authority, name="Субсидии")
    with time_machine.travel("2026-01-12T09:00:00Z", tick=False):
        late = make_appeal(Appeal.Status.IN_WORK)
    fresh = make_appeal(Appeal.Status.SUBMITTED, topic=topic)
    answered = make_appeal(Appeal.Status.ANSWERED)
    client.force_login(official)

    def listed(**params: Any) -> list[Appeal]:
        return list(client.get(reverse("reception:desk"), params).context["page"].object_list)

    assert listed(status="submitted") == [fresh]
    assert listed(status="answered") == [answered]
    assert set(listed(status="open")) == {late, fresh}
    assert listed(overdue="on") == [late]
    assert listed(topic=topic.pk) == [fresh]
    assert listed(mine="on") == [late]


def test_the_desk_answers_htmx_with_the_results_only(
    client: Any, official: Any, make_appeal: Any
) -> None:
    make_appeal()
    client.force_login(official)
    response = client.get(reverse("reception:desk"), headers={"HX-Request": "true"})
    assert next(t.name for t in response.templates) == "reception/_desk_results.html"


def test_the_desk_runs_a_constant_number_of_queries(
    client: Any, official: Any, make_appeal: Any
) -> None:
    def count(rows: int) -> int:
        while Appeal.objects.count() < rows:
            make_appeal(Appeal.Status.IN_WORK)
        client.force_login(official)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("reception:desk"))
        assert response.status_code == 200
        assert response.content.decode().count(ROW) == min(rows, DEFAULT_PAGE_SIZE)
        return len(queries)

    assert count(5) == count(25)


def test_officials_manage_their_topics(
    client: Any, official: Any, colleague: Any, authority: Any
) -> None:
    client.force_login(official)
    response = client.post(
        f"{reverse('reception:desk_topics')}?authority={authority.pk}",
        {"name": "Гранты", "responsible": colleague.pk, "is_active": "on"},
    )
    assert response.status_code == 302
    assert Topic.objects.get(authority=authority).responsible == colleague


def test_an_official_cannot_edit_another_authoritys_topic(
    client: Any, official: Any, other_authority: Any
) -> None:
    topic = Topic.objects.create(authority=other_authority, name="Дороги")
    client.force_login(official)
    assert client.get(reverse("reception:desk_topics"), {"topic": topic.pk}).status_code == 404
    assert (
        client.get(reverse("reception:desk_topics"), {"authority": other_authority.pk}).status_code
        == 404
    )


def test_the_responsible_official_of_the_topic_is_assigned_at_registration(
    make_appeal: Any, authority: Any, colleague: Any
) -> None:
    topic = Topic.objects.create(authority=authority, name="Субсидии", responsible=colleague)
    appeal = make_appeal(Appeal.Status.REGISTERED, topic=topic)
    assert appeal.assignee == colleague


def test_extend_and_redirect_are_not_offered_once_their_time_has_passed(
    client: Any, official: Any, make_appeal: Any
) -> None:
    import time_machine

    with time_machine.travel("2026-01-12T09:00:00Z", tick=False):
        appeal = make_appeal(Appeal.Status.IN_WORK)
    client.force_login(official)
    offered = client.get(url(appeal)).context["action_forms"]
    assert "answer" in offered
    assert "extend" not in offered
    assert "redirect" not in offered
