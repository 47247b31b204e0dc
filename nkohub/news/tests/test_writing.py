"""Writing news: who may, pre-moderation for unverified organisations, post-moderation for verified
ones, photos checked before they are stored, edits that send an item to the operator again."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.core.models import AuditEntry
from nkohub.news import services
from nkohub.news.models import NewsItem, NewsPhoto
from nkohub.news.tests.factories import NewsItemFactory, jpeg
from nkohub.notifications.models import Notification
from nkohub.organizations.models import Organization
from nkohub.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def _post(client: Any, organization: Organization, **data: Any) -> Any:
    payload = {"title": "Субботник на Оке", "body": "Сорок волонтёров убрали берег.", **data}
    return client.post(reverse("news:create", args=[organization.pk]), payload)


def test_an_unverified_organisations_news_waits_for_the_operator(
    client: Any, owner: Any, ngo: Organization, operator: Any
) -> None:
    client.force_login(owner)
    _post(client, ngo)
    item = NewsItem.objects.get()
    assert (item.status, item.published_at) == (NewsItem.Status.PENDING, None)


def test_the_operator_is_told_of_a_waiting_item(
    client: Any, owner: Any, ngo: Organization, operator: Any
) -> None:
    client.force_login(owner)
    _post(client, ngo)
    assert Notification.objects.filter(recipient=operator, kind="news.item.submitted").exists()


def test_a_verified_organisations_news_is_published_at_once(
    client: Any, editor: Any, verified_ngo: Organization
) -> None:
    client.force_login(editor)
    _post(client, verified_ngo)
    assert NewsItem.objects.get().status == NewsItem.Status.PUBLISHED


def test_a_plain_member_may_not_publish_news(client: Any, member: Any, ngo: Organization) -> None:
    client.force_login(member)
    assert _post(client, ngo).status_code == 403


def test_an_outsider_may_not_publish_news(client: Any, outsider: Any, ngo: Organization) -> None:
    client.force_login(outsider)
    assert _post(client, ngo).status_code == 403


def test_a_waiting_item_is_hidden_from_outsiders(
    client: Any, outsider: Any, ngo: Organization
) -> None:
    item = NewsItemFactory.create(
        organization=ngo, status=NewsItem.Status.PENDING, published_at=None
    )
    client.force_login(outsider)
    assert client.get(item.get_absolute_url()).status_code == 404


def test_photos_are_stored_with_the_item(
    client: Any, owner: Any, verified_ngo: Organization
) -> None:
    client.force_login(owner)
    _post(client, verified_ngo, photos=[jpeg(name="a.jpg"), jpeg(name="b.jpg")])
    assert NewsPhoto.objects.filter(news__organization=verified_ngo).count() == 2


def test_a_file_that_is_not_a_picture_is_refused_before_it_is_stored(
    client: Any, owner: Any, verified_ngo: Organization
) -> None:
    client.force_login(owner)
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = _post(client, verified_ngo, photos=[fake])
    assert (response.status_code, NewsItem.objects.count()) == (400, 0)


def test_a_too_small_picture_is_refused(owner: Any, verified_ngo: Organization) -> None:
    with pytest.raises(DomainError):
        services.news_create(
            actor=owner,
            organization=verified_ngo,
            title="Тест",
            body="Текст",
            photos=[jpeg(size=(100, 80))],
        )


def test_a_project_of_another_organisation_cannot_be_linked(
    owner: Any, verified_ngo: Organization, other_ngo: Organization
) -> None:
    project = ProjectFactory.create(organization=other_ngo)
    with pytest.raises(DomainError):
        services.news_create(
            actor=owner, organization=verified_ngo, title="Тест", body="Текст", project=project
        )


def test_an_item_links_a_project_of_its_organisation(
    owner: Any, verified_ngo: Organization
) -> None:
    project = ProjectFactory.create(organization=verified_ngo)
    item = services.news_create(
        actor=owner, organization=verified_ngo, title="Тест", body="Текст", project=project
    )
    assert item.project == project


def test_writing_is_in_the_audit_log(owner: Any, verified_ngo: Organization) -> None:
    item = services.news_create(actor=owner, organization=verified_ngo, title="Т", body="Т")
    assert AuditEntry.objects.filter(action="news.item.create", object_id=str(item.pk)).exists()


def test_an_edit_of_an_unverified_organisations_published_item_sends_it_back(
    client: Any, owner: Any, ngo: Organization
) -> None:
    item = NewsItemFactory.create(organization=ngo)
    client.force_login(owner)
    client.post(reverse("news:edit", args=[item.pk]), {"title": "Новый заголовок", "body": "Т"})
    item.refresh_from_db()
    assert item.status == NewsItem.Status.PENDING


def test_an_edit_of_a_hidden_item_sends_it_to_the_operator(
    owner: Any, verified_ngo: Organization
) -> None:
    item = NewsItemFactory.create(organization=verified_ngo, status=NewsItem.Status.HIDDEN)
    services.news_update(actor=owner, item=item, title="Исправлено", body=item.body)
    assert item.status == NewsItem.Status.PENDING


def test_an_outsider_may_not_edit_news(client: Any, outsider: Any, ngo: Organization) -> None:
    item = NewsItemFactory.create(organization=ngo)
    client.force_login(outsider)
    response = client.post(reverse("news:edit", args=[item.pk]), {"title": "Взлом", "body": "Т"})
    assert response.status_code == 403


def test_a_removed_photo_goes(owner: Any, verified_ngo: Organization) -> None:
    item = services.news_create(
        actor=owner, organization=verified_ngo, title="Т", body="Т", photos=[jpeg()]
    )
    photo = item.photos.get()
    services.news_update(actor=owner, item=item, title="Т", body="Т", remove_photos=[photo.pk])
    assert not item.photos.exists()


def test_a_photo_gets_its_thumbnail(
    owner: Any, verified_ngo: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        item = services.news_create(
            actor=owner, organization=verified_ngo, title="Т", body="Т", photos=[jpeg((1600, 1200))]
        )
    assert str(item.photos.get().thumbnail.name).endswith(".webp")
