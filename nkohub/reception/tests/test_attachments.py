"""Files of appeals: checked by their contents, served only to those who may read the appeal."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nkohub.reception import services
from nkohub.reception.attachments import MAX_FILE_SIZE, validate_attachment, validate_attachments
from nkohub.reception.models import Appeal

pytestmark = pytest.mark.django_db


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("письмо.pdf", b"%PDF-1.7"),
        ("фото.JPG", b"\xff\xd8\xff\xe0...."),
        ("схема.png", b"\x89PNG\r\n\x1a\n"),
        ("устав.docx", b"PK\x03\x04...."),
        ("смета.xls", b"\xd0\xcf\x11\xe0...."),
        ("пояснение.txt", "Текст пояснения".encode()),
    ],
)
def test_documents_and_pictures_are_accepted(name: str, content: bytes) -> None:
    validate_attachment(upload(name, content))


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("вирус.exe", b"MZ", "file_type"),
        ("скрипт.html", b"<script>", "file_type"),
        ("поддельный.pdf", b"MZ\x90\x00", "file_content"),
        ("пустой.pdf", b"", "file_empty"),
        ("бинарный.txt", b"\x00\x01\x02", "file_content"),
    ],
)
def test_other_files_are_refused_with_a_reason(name: str, content: bytes, code: str) -> None:
    with pytest.raises(ValidationError) as error:
        validate_attachment(upload(name, content))
    assert error.value.code == code


def test_a_file_over_10_mb_is_refused() -> None:
    big = upload("скан.pdf", b"%PDF" + b"0" * MAX_FILE_SIZE)
    with pytest.raises(ValidationError) as error:
        validate_attachment(big)
    assert error.value.code == "file_size"


def test_at_most_5_files() -> None:
    with pytest.raises(ValidationError):
        validate_attachments([upload(f"{i}.pdf", b"%PDF") for i in range(6)])


def test_a_service_caller_that_skips_the_form_is_refused_too(editor: Any, authority: Any) -> None:
    from nkohub.core.errors import DomainError

    with pytest.raises(DomainError):
        services.appeal_create(
            actor=editor,
            authority=authority,
            subject="Тема",
            text="Текст",
            files=[upload("x.exe", b"MZ")],
            submit=True,
        )
    assert not Appeal.objects.exists()


@pytest.fixture
def appeal_with_files(make_appeal: Any, official: Any, editor: Any) -> Appeal:
    appeal = make_appeal(Appeal.Status.IN_WORK, publish=True)
    services.appeal_clarify(
        actor=editor, appeal=appeal, text="Скан договора", files=[upload("договор.pdf", b"%PDF-1")]
    )
    services.appeal_answer(
        actor=official, appeal=appeal, text="Ответ", files=[upload("ответ.pdf", b"%PDF-2")]
    )
    return appeal


def file_url(appeal: Appeal, role: str) -> str:
    item = appeal.attachments.get(role=role)
    return reverse("reception:attachment", args=[appeal.pk, item.pk])


def test_the_author_and_the_official_download_the_files(
    client: Any, appeal_with_files: Appeal, editor: Any, official: Any
) -> None:
    for person in (editor, official):
        client.force_login(person)
        response = client.get(file_url(appeal_with_files, "clarification"))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1"


def test_the_public_gets_the_answers_file_of_a_published_appeal_but_not_the_authors_clarification(
    client: Any, appeal_with_files: Appeal
) -> None:
    response = client.get(file_url(appeal_with_files, "answer"))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-2"
    assert "%D0%BE%D1%82%D0%B2%D0%B5%D1%82.pdf" in response["Content-Disposition"]  # «ответ.pdf»
    assert client.get(file_url(appeal_with_files, "clarification")).status_code == 404


def test_an_official_of_another_authority_cannot_download(
    client: Any, make_appeal: Any, editor: Any, other_official: Any
) -> None:
    appeal = make_appeal(Appeal.Status.IN_WORK)
    services.appeal_clarify(
        actor=editor, appeal=appeal, text="Скан", files=[upload("скан.pdf", b"%PDF")]
    )
    client.force_login(other_official)
    assert client.get(file_url(appeal, "clarification")).status_code == 404
