from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from nkohub.core.pagination import DEFAULT_PAGE_SIZE
from nkohub.notifications.models import Notification
from nkohub.notifications.tests.factories import NotificationFactory, make_notification

pytestmark = pytest.mark.django_db
INBOX = reverse("notifications:inbox")


def test_it_requires_login(client: Client) -> None:
    response = client.get(INBOX)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_it_shows_only_my_notifications(client: Client, owner: Any, member: Any) -> None:
    make_notification(recipient=owner, title="Для владельца")
    make_notification(recipient=member, title="Для участника")
    client.force_login(owner)
    response = client.get(INBOX)
    assert "Для владельца" in response.text
    assert "Для участника" not in response.text
    assert "Отметить прочитанным" in response.text


def test_an_empty_inbox_says_so(client: Client, owner: Any) -> None:
    client.force_login(owner)
    assert "Уведомлений пока нет" in client.get(INBOX).text
    assert "Непрочитанных уведомлений нет" in client.get(INBOX + "?show=unread").text


def test_the_unread_filter_hides_read_ones(client: Client, owner: Any) -> None:
    make_notification(recipient=owner, title="Прочитанное", read_at=timezone.now())
    make_notification(recipient=owner, title="Свежее")
    client.force_login(owner)
    response = client.get(INBOX + "?show=unread")
    assert "Свежее" in response.text
    assert "Прочитанное" not in response.text


def test_the_inbox_is_paginated(client: Client, owner: Any) -> None:
    NotificationFactory.create_batch(25, recipient=owner)
    client.force_login(owner)
    first = client.get(INBOX)
    assert first.text.count('<li class="notification') == 20
    assert "Страница 1 из 2" in first.text
    assert client.get(INBOX + "?page=2").text.count('<li class="notification') == 5


@pytest.mark.parametrize("rows", [5, 25])
def test_the_inbox_keeps_a_constant_number_of_queries(
    client: Client, owner: Any, outsider: Any, rows: int, django_assert_num_queries: Any
) -> None:
    NotificationFactory.create_batch(rows, recipient=owner, actor=outsider)
    client.force_login(owner)
    # session, user, counts, page count, the page of notifications with their actors
    with django_assert_num_queries(5):
        response = client.get(INBOX)
    assert response.status_code == 200
    assert f"Все ({rows})" in response.text
    assert response.text.count(f"· {outsider.full_name}") == min(rows, DEFAULT_PAGE_SIZE)


def test_mark_read_by_plain_post_goes_back(client: Client, owner: Any) -> None:
    notification = make_notification(recipient=owner)
    client.force_login(owner)
    response = client.post(
        reverse("notifications:mark_read", args=[notification.pk]), {"next": INBOX + "?page=1"}
    )
    assert response.status_code == 302
    assert response["Location"] == INBOX + "?page=1"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_mark_read_by_htmx_returns_the_item_and_refreshes_the_badge(
    client: Client, owner: Any
) -> None:
    notification = make_notification(recipient=owner, title="Запрос")
    client.force_login(owner)
    response = client.post(
        reverse("notifications:mark_read", args=[notification.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert response["HX-Trigger"] == "notifications-changed"
    assert f'id="notification-{notification.pk}"' in response.text
    assert "Отметить непрочитанным" in response.text
    assert "<html" not in response.text


def test_mark_unread_undoes_it(client: Client, owner: Any) -> None:
    notification = make_notification(recipient=owner, read_at=timezone.now())
    client.force_login(owner)
    client.post(reverse("notifications:mark_unread", args=[notification.pk]))
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.parametrize("name", ["mark_read", "mark_unread"])
def test_someone_elses_notification_is_not_found(
    client: Client, owner: Any, outsider: Any, name: str
) -> None:
    notification = make_notification(recipient=owner)
    client.force_login(outsider)
    assert client.post(reverse(f"notifications:{name}", args=[notification.pk])).status_code == 404
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_marking_read_needs_post(client: Client, owner: Any) -> None:
    notification = make_notification(recipient=owner)
    client.force_login(owner)
    assert client.get(reverse("notifications:mark_read", args=[notification.pk])).status_code == 405


def test_mark_all_read(client: Client, owner: Any, member: Any) -> None:
    NotificationFactory.create_batch(3, recipient=owner)
    theirs = make_notification(recipient=member)
    client.force_login(owner)
    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "Все уведомления отмечены прочитанными" in response.text
    assert not Notification.objects.filter(recipient=owner, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_opening_follows_the_link_and_marks_read(client: Client, owner: Any) -> None:
    notification = make_notification(recipient=owner, url="/organizations/5/")
    client.force_login(owner)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/organizations/5/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_opening_never_leads_off_site(client: Client, owner: Any) -> None:
    notification = make_notification(recipient=owner, url="https://evil.example.com/")
    client.force_login(owner)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == INBOX


def test_the_badge_counts_unread(
    client: Client, owner: Any, django_assert_num_queries: Any
) -> None:
    NotificationFactory.create_batch(3, recipient=owner)
    make_notification(recipient=owner, read_at=timezone.now())
    client.force_login(owner)
    with django_assert_num_queries(3):
        response = client.get(reverse("notifications:badge"))
    assert '<span class="badge">3' in response.text
    assert 'hx-trigger="every 60s, notifications-changed from:body"' in response.text


def test_the_badge_is_empty_for_guests(client: Client) -> None:
    assert client.get(reverse("notifications:badge")).status_code == 204


def test_the_header_loads_the_badge_with_htmx(client: Client, owner: Any) -> None:
    client.force_login(owner)
    response = client.get(reverse("core:cabinet"))
    assert 'id="notifications-badge"' in response.text
    assert f'hx-get="{reverse("notifications:badge")}"' in response.text


def test_the_cabinet_shows_unread_notifications(client: Client, owner: Any) -> None:
    make_notification(recipient=owner, title="Свежий ответ")
    client.force_login(owner)
    response = client.get(reverse("core:cabinet"))
    assert "1 непрочитанное уведомление" in response.text
    assert "Свежий ответ" in response.text
