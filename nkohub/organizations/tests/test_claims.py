from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nkohub.notifications.models import Notification
from nkohub.organizations.models import Claim, Membership, Organization
from nkohub.organizations.tests.conftest import PDF_BYTES, make_org
from nkohub.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def claim_data(document: Any) -> dict[str, Any]:
    return {"stated_role": "head", "position": "Директор", "comment": "", "document": document}


def test_a_person_claims_an_organisation_with_a_document(
    client: Any, outsider: Any, ngo: Organization, operator: Any, pdf: Any
) -> None:
    client.force_login(outsider)
    response = client.post(reverse("organizations:claim", args=[ngo.pk]), claim_data(pdf))
    claim = Claim.objects.get()
    assert response.url == reverse("organizations:claim_detail", args=[claim.pk])
    assert claim.status == Claim.Status.PENDING
    assert claim.document_name == "prikaz.pdf"
    assert Notification.objects.filter(
        recipient=operator, kind="organizations.claim.submitted"
    ).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "PDF, JPG или PNG"),
        ("fake.pdf", b"<html>not a pdf</html>", "не соответствует"),
        ("empty.pdf", b"", "пуст"),
    ],
)
def test_a_wrong_document_is_refused_before_it_is_stored(
    client: Any, outsider: Any, ngo: Organization, name: str, content: bytes, message: str
) -> None:
    client.force_login(outsider)
    response = client.post(
        reverse("organizations:claim", args=[ngo.pk]), claim_data(SimpleUploadedFile(name, content))
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Claim.objects.exists()


def test_a_too_large_document_is_refused(
    client: Any, outsider: Any, ngo: Organization, settings: Any
) -> None:
    settings.UPLOAD_MAX_BYTES = 100
    client.force_login(outsider)
    big = SimpleUploadedFile("big.pdf", PDF_BYTES + b"0" * 200)
    response = client.post(reverse("organizations:claim", args=[ngo.pk]), claim_data(big))
    assert "слишком большой" in response.content.decode()


def test_the_operator_approves_and_the_claimant_becomes_owner(
    client: Any, outsider: Any, operator: Any, ngo: Organization, pdf: Any
) -> None:
    client.force_login(outsider)
    client.post(reverse("organizations:claim", args=[ngo.pk]), claim_data(pdf))
    claim = Claim.objects.get()
    client.force_login(operator)
    client.post(reverse("organizations:claim_review", args=[claim.pk]), {"decision": "approve"})
    claim.refresh_from_db()
    ngo.refresh_from_db()
    assert claim.status == Claim.Status.APPROVED
    assert ngo.is_verified
    assert Membership.objects.get(user=outsider, organization=ngo).role == Membership.Role.OWNER
    assert Notification.objects.filter(
        recipient=outsider, kind="organizations.claim.approved"
    ).exists()


def test_a_rejection_needs_a_reason_and_the_claimant_is_told(
    client: Any, outsider: Any, operator: Any, ngo: Organization, pdf: Any
) -> None:
    client.force_login(outsider)
    client.post(reverse("organizations:claim", args=[ngo.pk]), claim_data(pdf))
    claim = Claim.objects.get()
    client.force_login(operator)
    response = client.post(
        reverse("organizations:claim_review", args=[claim.pk]), {"decision": "reject", "reason": ""}
    )
    assert response.status_code == 200
    assert response.context["reject_form"].errors == {"reason": ["Обязательное поле."]}
    claim.refresh_from_db()
    assert claim.status == Claim.Status.PENDING
    client.post(
        reverse("organizations:claim_review", args=[claim.pk]),
        {"decision": "reject", "reason": "Документ не читается"},
    )
    claim.refresh_from_db()
    assert claim.status == Claim.Status.REJECTED
    notification = Notification.objects.get(recipient=outsider, kind="organizations.claim.rejected")
    assert "Документ не читается" in notification.body


def test_only_operators_review_claims(
    client: Any, owner: Any, outsider: Any, ngo: Organization, pdf: Any
) -> None:
    client.force_login(outsider)
    client.post(reverse("organizations:claim", args=[ngo.pk]), claim_data(pdf))
    claim = Claim.objects.get()
    client.force_login(owner)
    assert (
        client.post(
            reverse("organizations:claim_review", args=[claim.pk]), {"decision": "approve"}
        ).status_code
        == 404
    )
    assert client.get(reverse("organizations:claims")).status_code == 404
    assert client.get(reverse("organizations:claim_document", args=[claim.pk])).status_code == 404
    claim.refresh_from_db()
    assert claim.status == Claim.Status.PENDING


def test_the_claimant_and_the_operator_download_the_document(
    client: Any, outsider: Any, operator: Any, ngo: Organization, pdf: Any
) -> None:
    client.force_login(outsider)
    client.post(reverse("organizations:claim", args=[ngo.pk]), claim_data(pdf))
    claim = Claim.objects.get()
    for person in (outsider, operator):
        client.force_login(person)
        response = client.get(reverse("organizations:claim_document", args=[claim.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_second_pending_claim_is_refused(
    client: Any, outsider: Any, ngo: Organization, pdf: Any
) -> None:
    client.force_login(outsider)
    client.post(reverse("organizations:claim", args=[ngo.pk]), claim_data(pdf))
    pdf.seek(0)
    response = client.post(reverse("organizations:claim", args=[ngo.pk]), claim_data(pdf))
    assert "уже ждёт проверки" in response.content.decode()
    assert Claim.objects.count() == 1


def test_the_claimant_withdraws_a_pending_claim(
    client: Any, outsider: Any, ngo: Organization, pdf: Any
) -> None:
    client.force_login(outsider)
    client.post(reverse("organizations:claim", args=[ngo.pk]), claim_data(pdf))
    claim = Claim.objects.get()
    client.post(reverse("organizations:claim_withdraw", args=[claim.pk]))
    claim.refresh_from_db()
    assert claim.status == Claim.Status.WITHDRAWN


def test_someone_else_cannot_see_or_withdraw_a_claim(
    client: Any, outsider: Any, owner: Any, ngo: Organization, pdf: Any
) -> None:
    client.force_login(outsider)
    client.post(reverse("organizations:claim", args=[ngo.pk]), claim_data(pdf))
    claim = Claim.objects.get()
    client.force_login(owner)
    assert client.get(reverse("organizations:claim_detail", args=[claim.pk])).status_code == 404
    assert client.post(reverse("organizations:claim_withdraw", args=[claim.pk])).status_code == 404


def test_claiming_needs_a_login(client: Any, ngo: Organization) -> None:
    response = client.get(reverse("organizations:claim", args=[ngo.pk]))
    assert response.status_code == 302
    assert "login" in response.url


# --- registration of a new organisation ---------------------------------------------------------


def registration_data(municipality: Any, **changes: Any) -> dict[str, Any]:
    data = {
        "kind": "ngo",
        "full_name": "Автономная некоммерческая организация «Зелёный патруль»",
        "short_name": "АНО «Зелёный патруль»",
        "inn": "4027000005",
        "ogrn": "",
        "municipality": municipality.pk,
        "stated_role": "head",
        "description": "Экологические субботники.",
    }
    data.update(changes)
    return data


def test_a_new_organisation_is_registered_hidden_until_approved(
    client: Any, outsider: Any, operator: Any, kaluga: Any
) -> None:
    client.force_login(outsider)
    response = client.post(reverse("organizations:register"), registration_data(kaluga))
    claim = Claim.objects.get()
    assert response.url == reverse("organizations:claim_detail", args=[claim.pk])
    organization = claim.organization
    assert claim.kind == Claim.Kind.REGISTRATION
    assert not organization.is_published
    assert (
        organization.full_name
        not in client.get(reverse("organizations:directory")).content.decode()
    )
    client.force_login(operator)
    client.post(reverse("organizations:claim_review", args=[claim.pk]), {"decision": "approve"})
    organization.refresh_from_db()
    assert organization.is_published
    assert organization.is_verified
    assert Membership.objects.filter(
        user=outsider, organization=organization, role="owner"
    ).exists()


def test_registration_with_a_known_inn_points_to_the_claim(
    client: Any, outsider: Any, ngo: Organization, kaluga: Any
) -> None:
    client.force_login(outsider)
    response = client.post(
        reverse("organizations:register"), registration_data(kaluga, inn=ngo.inn)
    )
    content = response.content.decode()
    assert f"Организация с ИНН {ngo.inn} уже есть в реестре: «{ngo.display_name}»." in content
    assert "Если вы представляете её, подайте заявку на управление её профилем." in content
    assert not Claim.objects.exists()


def test_registration_with_a_bad_check_digit_is_refused(
    client: Any, outsider: Any, kaluga: Any
) -> None:
    client.force_login(outsider)
    response = client.post(
        reverse("organizations:register"), registration_data(kaluga, inn="4027000007")
    )
    assert "В ИНН 4027000007 неверная контрольная цифра." in response.content.decode()
    assert not Organization.objects.exists()


def test_registration_needs_an_inn_or_ogrn(client: Any, outsider: Any, kaluga: Any) -> None:
    client.force_login(outsider)
    response = client.post(reverse("organizations:register"), registration_data(kaluga, inn=""))
    assert response.status_code == 200
    assert "Укажите ИНН или ОГРН организации." in response.content.decode()
    assert not Organization.objects.exists()


def test_a_similar_name_in_the_same_municipality_is_caught(
    client: Any, outsider: Any, kaluga: Any
) -> None:
    make_org(
        full_name="Автономная некоммерческая организация «Зелёный патруль»", municipality=kaluga
    )
    client.force_login(outsider)
    response = client.post(reverse("organizations:register"), registration_data(kaluga))
    assert "Похожие организации" in response.content.decode()
    assert Organization.objects.count() == 1
    client.post(
        reverse("organizations:register"), registration_data(kaluga, confirm_not_duplicate="on")
    )
    assert Organization.objects.count() == 2


def test_a_similar_name_elsewhere_is_not_a_duplicate(
    client: Any, outsider: Any, kaluga: Any, obninsk: Any
) -> None:
    OrganizationFactory(
        full_name="Автономная некоммерческая организация «Зелёный патруль»", municipality=obninsk
    )
    client.force_login(outsider)
    client.post(reverse("organizations:register"), registration_data(kaluga))
    assert Organization.objects.count() == 2


CLAIM_INVITATIONS = (
    "Я представляю эту организацию",
    "Представляете эту организацию? Войдите, чтобы подать заявку на её профиль",
)


def _approved_claim(client: Any, outsider: Any, operator: Any, ngo: Organization, pdf: Any) -> None:
    client.force_login(outsider)
    client.post(reverse("organizations:claim", args=[ngo.pk]), claim_data(pdf))
    client.force_login(operator)
    client.post(
        reverse("organizations:claim_review", args=[Claim.objects.get().pk]),
        {"decision": "approve"},
    )


def test_after_approval_the_new_owner_is_no_longer_invited_to_claim(
    client: Any, outsider: Any, operator: Any, ngo: Organization, pdf: Any
) -> None:
    _approved_claim(client, outsider, operator, ngo, pdf)
    client.force_login(outsider)
    page = client.get(reverse("organizations:detail", args=[ngo.pk])).content.decode()
    assert "Ваша роль в профиле организации: владелец" in page
    assert not any(text in page for text in CLAIM_INVITATIONS)
    assert reverse("organizations:edit", args=[ngo.pk]) in page


def test_a_managed_profile_tells_guests_who_manages_it_instead_of_inviting_claims(
    client: Any, outsider: Any, operator: Any, ngo: Organization, pdf: Any
) -> None:
    _approved_claim(client, outsider, operator, ngo, pdf)
    client.logout()
    page = client.get(reverse("organizations:detail", args=[ngo.pk])).content.decode()
    assert "Профиль ведут представители организации." in page
    assert not any(text in page for text in CLAIM_INVITATIONS)


def test_someone_else_may_still_ask_for_access_to_a_managed_profile(
    client: Any, owner: Any, ngo: Organization
) -> None:
    from nkohub.accounts.tests.factories import UserFactory

    client.force_login(UserFactory.create())
    page = client.get(reverse("organizations:detail", args=[ngo.pk])).content.decode()
    assert "Вы тоже её представляете? Запросить доступ" in page
    assert "Я представляю эту организацию" not in page


def test_an_unmanaged_profile_invites_its_representatives_to_claim_it(
    client: Any, ngo: Organization
) -> None:
    page = client.get(reverse("organizations:detail", args=[ngo.pk])).content.decode()
    assert CLAIM_INVITATIONS[1] in page
