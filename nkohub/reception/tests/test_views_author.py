"""The author's side: writing, idempotent submission, attachments, clarifications, rating."""

import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nkohub.core.pagination import DEFAULT_PAGE_SIZE
from nkohub.reception.models import Appeal

ROW = "Компенсация за социальные услуги</a></h3>"  # the heading of one appeal in a list
NOT_AMONG_CHOICES = "Выберите корректный вариант. Вашего варианта нет среди допустимых значений."

pytestmark = pytest.mark.django_db


def form_data(
    authority: Any, ngo: Any, key: uuid.UUID | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "authority": authority.pk,
        "organization": ngo.pk,
        "kind": Appeal.Kind.PROPOSAL,
        "subject": "Предложение о ресурсном центре",
        "text": "Предлагаем открыть в районе ресурсный центр для НКО.",
        "publish_consent": "on",
        "idempotency_key": str(key or uuid.uuid4()),
        **extra,
    }


def test_the_form_page_needs_a_login(client: Any) -> None:
    response = client.get(reverse("reception:appeal_create"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_form_offers_the_organisations_the_person_acts_for(
    client: Any, editor: Any, ngo: Any, other_ngo: Any
) -> None:
    client.force_login(editor)
    response = client.get(reverse("reception:appeal_create"))
    assert response.status_code == 200
    organizations = list(response.context["form"].fields["organization"].queryset)
    assert organizations == [ngo]


def test_an_ngo_editor_submits_an_appeal(
    client: Any, editor: Any, ngo: Any, authority: Any, official: Any
) -> None:
    client.force_login(editor)
    response = client.post(
        reverse("reception:appeal_create"), form_data(authority, ngo, submit="1")
    )
    appeal = Appeal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reception:appeal", args=[appeal.pk])
    assert appeal.status == Appeal.Status.SUBMITTED
    assert appeal.organization == ngo
    assert appeal.author == editor


def test_saving_a_draft_does_not_submit(client: Any, editor: Any, ngo: Any, authority: Any) -> None:
    client.force_login(editor)
    client.post(reverse("reception:appeal_create"), form_data(authority, ngo, draft="1"))
    assert Appeal.objects.get().status == Appeal.Status.DRAFT


def test_pressing_submit_twice_creates_one_appeal(
    client: Any, editor: Any, ngo: Any, authority: Any
) -> None:
    client.force_login(editor)
    data = form_data(authority, ngo, submit="1")
    first = client.post(reverse("reception:appeal_create"), data)
    second = client.post(reverse("reception:appeal_create"), data, follow=True)
    assert Appeal.objects.count() == 1
    assert second.redirect_chain[-1][0] == first["Location"]
    assert "уже получено" in second.content.decode()


def test_a_retried_submit_after_a_saved_draft_submits_that_draft(
    client: Any, editor: Any, ngo: Any, authority: Any
) -> None:
    client.force_login(editor)
    key = uuid.uuid4()
    client.post(reverse("reception:appeal_create"), form_data(authority, ngo, key, draft="1"))
    client.post(reverse("reception:appeal_create"), form_data(authority, ngo, key, submit="1"))
    assert list(Appeal.objects.values_list("status", flat=True)) == [Appeal.Status.SUBMITTED]


def test_the_same_key_from_two_people_makes_two_appeals(
    client: Any, editor: Any, owner: Any, ngo: Any, authority: Any
) -> None:
    key = uuid.uuid4()
    for person in (editor, owner):
        client.force_login(person)
        client.post(reverse("reception:appeal_create"), form_data(authority, ngo, key, submit="1"))
    assert Appeal.objects.count() == 2


def test_a_bad_attachment_stops_the_submission_and_keeps_the_text(
    client: Any, editor: Any, ngo: Any, authority: Any
) -> None:
    client.force_login(editor)
    fake = SimpleUploadedFile("устав.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("reception:appeal_create"),
        {**form_data(authority, ngo, submit="1"), "attachments": fake},
    )
    assert response.status_code == 200
    assert not Appeal.objects.exists()
    page = response.content.decode()
    assert "Предлагаем открыть в районе ресурсный центр для НКО." in page
    assert "не похож на файл PDF" in page
    assert "выберите файлы заново" in page


def test_an_executable_is_not_accepted(client: Any, editor: Any, ngo: Any, authority: Any) -> None:
    client.force_login(editor)
    exe = SimpleUploadedFile("setup.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = client.post(
        reverse("reception:appeal_create"),
        {**form_data(authority, ngo, submit="1"), "attachments": exe},
    )
    assert response.status_code == 200
    assert not Appeal.objects.exists()
    assert "такой тип файла не принимается" in response.content.decode()


def test_good_attachments_are_kept_with_the_appeal(
    client: Any, editor: Any, ngo: Any, authority: Any
) -> None:
    client.force_login(editor)
    files = [
        SimpleUploadedFile("письмо.pdf", b"%PDF-1.7 ...", content_type="application/pdf"),
        SimpleUploadedFile("фото.png", b"\x89PNG\r\n\x1a\n....", content_type="image/png"),
    ]
    client.post(
        reverse("reception:appeal_create"),
        {**form_data(authority, ngo, submit="1"), "attachments": files},
    )
    assert sorted(Appeal.objects.get().attachments.values_list("name", flat=True)) == [
        "письмо.pdf",
        "фото.png",
    ]


def test_a_topic_of_another_authority_is_refused(
    client: Any, editor: Any, ngo: Any, authority: Any, other_authority: Any
) -> None:
    from nkohub.reception.models import Topic

    foreign = Topic.objects.create(authority=other_authority, name="Благоустройство")
    client.force_login(editor)
    response = client.post(
        reverse("reception:appeal_create"), form_data(authority, ngo, submit="1", topic=foreign.pk)
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"topic": [NOT_AMONG_CHOICES]}
    assert NOT_AMONG_CHOICES in response.content.decode()
    assert not Appeal.objects.exists()


def test_nobody_writes_on_behalf_of_an_organisation_they_do_not_act_for(
    client: Any, outsider: Any, ngo: Any, authority: Any
) -> None:
    client.force_login(outsider)
    response = client.post(
        reverse("reception:appeal_create"), form_data(authority, ngo, submit="1")
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"organization": [NOT_AMONG_CHOICES]}
    assert NOT_AMONG_CHOICES in response.content.decode()
    assert not Appeal.objects.exists()


def test_a_person_may_write_as_a_private_person(client: Any, outsider: Any, authority: Any) -> None:
    client.force_login(outsider)
    data = form_data(authority, authority, submit="1")
    data["organization"] = ""
    client.post(reverse("reception:appeal_create"), data)
    appeal = Appeal.objects.get()
    assert appeal.organization is None
    assert appeal.author == outsider


def test_the_author_edits_and_then_sends_a_draft(
    client: Any, editor: Any, make_appeal: Any, ngo: Any, authority: Any
) -> None:
    appeal = make_appeal(Appeal.Status.DRAFT)
    client.force_login(editor)
    data = form_data(authority, ngo, submit="1", subject="Новая тема")
    response = client.post(reverse("reception:appeal_edit", args=[appeal.pk]), data)
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.subject == "Новая тема"
    assert appeal.status == Appeal.Status.SUBMITTED


def test_a_colleague_cannot_edit_someone_elses_draft(
    client: Any, owner: Any, make_appeal: Any
) -> None:
    appeal = make_appeal(Appeal.Status.DRAFT)
    client.force_login(owner)
    assert client.get(reverse("reception:appeal_edit", args=[appeal.pk])).status_code == 403
    assert client.post(reverse("reception:appeal_submit", args=[appeal.pk])).status_code == 403


def test_the_author_sees_the_answer_and_rates_it(
    client: Any, editor: Any, make_appeal: Any
) -> None:
    appeal = make_appeal(Appeal.Status.ANSWERED)
    client.force_login(editor)
    page = client.get(reverse("reception:appeal", args=[appeal.pk])).content.decode()
    assert "Компенсация выплачивается по заявлению." in page
    response = client.post(
        reverse("reception:appeal_action", args=[appeal.pk, "rate"]),
        {"rating": "4", "comment": "Понятно"},
    )
    assert response.status_code == 302
    appeal.refresh_from_db()
    assert appeal.rating == 4


def test_an_organisation_colleague_may_clarify_the_appeal(
    client: Any, owner: Any, make_appeal: Any
) -> None:
    appeal = make_appeal(Appeal.Status.REGISTERED)
    client.force_login(owner)
    response = client.post(
        reverse("reception:appeal_action", args=[appeal.pk, "clarify"]), {"text": "Уточняем адрес."}
    )
    assert response.status_code == 302
    assert appeal.events.filter(kind="clarified", actor=owner).exists()


def test_my_appeals_lists_mine_and_my_organisations(
    client: Any, owner: Any, editor: Any, make_appeal: Any, outsider: Any
) -> None:
    ngo_appeal = make_appeal(Appeal.Status.SUBMITTED)  # the editor's, on behalf of the NGO
    private = make_appeal(Appeal.Status.SUBMITTED, author=outsider, organization=None)
    client.force_login(owner)
    listed = list(client.get(reverse("reception:my_appeals")).context["page"].object_list)
    assert listed == [ngo_appeal]
    assert private not in listed


def test_my_appeals_shows_an_empty_state(client: Any, outsider: Any) -> None:
    client.force_login(outsider)
    assert (
        "Вы ещё не писали в органы власти"
        in client.get(reverse("reception:my_appeals")).content.decode()
    )


def test_my_appeals_runs_a_constant_number_of_queries(
    client: Any, editor: Any, make_appeal: Any, django_assert_max_num_queries: Any
) -> None:
    def count_queries(rows: int) -> int:
        while Appeal.objects.count() < rows:
            make_appeal(Appeal.Status.REGISTERED)
        client.force_login(editor)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("reception:my_appeals"))
        assert response.status_code == 200
        assert response.content.decode().count(ROW) == min(rows, DEFAULT_PAGE_SIZE)
        return len(queries)

    assert count_queries(5) == count_queries(25)
