"""The inbox in a real browser: the unread badge loads and updates with htmx, mark-read works in place,
the link leads to the object, and e-mail settings are saved."""

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from nkohub.notifications.models import NotificationPreference
from nkohub.notifications.services import notify


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings: Any) -> None:
    """E-mail tasks run in the server thread even on the Redis leg of CI (no worker runs here)."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default"],
        }
    }
    settings.NOTIFICATIONS_EMAIL_QUEUE = "default"


def test_a_person_reads_notifications_and_sets_email(
    page: Any, shot: Any, login: Any, owner: Any, ngo: Any, assert_accessible: Any
) -> None:
    notify(
        recipients=[owner],
        kind="tests.appeal.answered",
        title="Министерство ответило на ваше обращение",
        body="Ответ приложен.",
        url=f"/organizations/{ngo.pk}/",
        obj=ngo,
    )
    notify(
        recipients=[owner],
        kind="tests.booking.requested",
        title="Запрос на бронирование зала",
        body="На 5 декабря, 10:00–12:00.",
    )
    login(owner)

    badge = page.locator("#notifications-badge")
    expect(badge.locator(".badge")).to_have_text(re.compile(r"^2"))
    badge.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/notifications/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Уведомления")
    shot("inbox")
    assert_accessible("on the inbox")

    item = page.locator("li.notification", has_text="Запрос на бронирование зала")
    item.get_by_role("button", name=re.compile("Отметить прочитанным")).click()
    expect(item.get_by_role("button", name=re.compile("Отметить непрочитанным"))).to_be_visible()
    expect(
        item.get_by_role("button", name=re.compile("Отметить непрочитанным"))
    ).to_be_focused()  # focus kept
    expect(badge.locator(".badge")).to_have_text(re.compile(r"^1"))
    expect(page.get_by_role("link", name="Непрочитанные (1)")).to_be_visible()
    shot("after-mark-read")
    page.set_viewport_size({"width": 390, "height": 844})
    shot("inbox-phone")
    page.set_viewport_size({"width": 1280, "height": 720})
    assert_accessible("after marking a notification read")

    page.get_by_role("link", name="Министерство ответило на ваше обращение").click()
    page.wait_for_url(re.compile(rf"/organizations/{ngo.pk}/$"))
    expect(page.locator("#notifications-badge .badge")).to_have_count(0)

    page.goto("/notifications/settings/")
    fieldset = page.locator("fieldset", has_text="Все уведомления")
    fieldset.get_by_label("В ежедневной сводке").check()
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Настройки уведомлений сохранены")).to_be_visible()
    shot("settings-saved")
    assert_accessible("on the saved settings")
    assert NotificationPreference.objects.get(user=owner, kind="*").email_mode == "digest"
    assert page.console_errors == []


def test_an_operator_sees_failed_work_and_resends_an_email(
    page: Any, shot: Any, login: Any, operator: Any, owner: Any, assert_accessible: Any
) -> None:
    from nkohub.notifications.models import EmailDelivery

    notify(recipients=[owner], kind="tests.x", title="Письмо, которое не ушло")
    EmailDelivery.objects.update(
        status=EmailDelivery.Status.FAILED,
        attempts=5,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
    )
    login(operator)
    page.goto("/notifications/operations/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Фоновые задачи")
    expect(
        page.get_by_text("SMTPServerDisconnected: Connection unexpectedly closed")
    ).to_be_visible()
    expect(page.get_by_role("cell", name="Ежедневная сводка уведомлений")).to_be_visible()
    shot("operations")
    assert_accessible("on the operations page")
    page.get_by_role("button", name="Отправить ещё раз").click()
    expect(page.get_by_text("Письмо снова поставлено в очередь")).to_be_visible()
    expect(page.get_by_text("Неотправленных писем нет")).to_be_visible()
    shot("operations-after-resend")
    assert EmailDelivery.objects.get().status == EmailDelivery.Status.SENT
