"""With Redis down — the cache and the task queue pointed at a closed port — a person still logs in, reads
the directory, writes an appeal and books a hall; nothing answers 500 and the health check says why."""

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nkohub.core import cache as resilient
from nkohub.notifications.models import EmailDelivery
from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import MembershipFactory
from nkohub.reception.models import Appeal
from nkohub.resources.models import Booking
from nkohub.resources.tests.factories import OfferFactory

CLOSED = "redis://127.0.0.1:1/0"


@pytest.fixture
def redis_down(settings: Any) -> Any:
    resilient._down_until.clear()
    settings.CACHES = {
        "default": {
            "BACKEND": "nkohub.core.cache.ResilientRedisCache",
            "LOCATION": CLOSED,
            "OPTIONS": {"RETRY_AFTER": 5},
        }
    }
    settings.RQ_QUEUES = {"default": {"URL": CLOSED, "DEFAULT_TIMEOUT": 60}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    yield
    resilient._down_until.clear()


def test_log_in_directory_appeal_and_booking_work_with_redis_down(
    redis_down: Any,
    page: Any,
    shot: Any,
    login: Any,
    editor: Any,
    ngo: Any,
    other_ngo: Any,
    authority: Any,
) -> None:
    server_errors: list[str] = []
    page.on(
        "response",
        lambda response: (
            server_errors.append(f"{response.status} {response.url}")
            if response.status >= 500
            else None
        ),
    )
    hall = OfferFactory.create(organization=other_ngo, title="Зал «Соседей» на 30 мест")
    hall_owner = MembershipFactory.create(
        organization=other_ngo, role=Membership.Role.OWNER, user__email="rita@example.org"
    ).user

    # Log-in: allauth's limiter keeps its counters in the cache.
    login(editor)
    shot("logged-in")

    # The directory: its facet counts are cached.
    page.goto("/organizations/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text(ngo.display_name).first).to_be_visible()
    shot("directory")

    # An appeal to the ministry: notifications and e-mails go through the (dead) queue.
    page.goto("/reception/new/")
    page.get_by_label("Адресат").select_option(label=str(authority))
    page.get_by_label("Заголовок обращения").fill("Помещение для кружка пожилых")
    page.get_by_label("Текст").fill("Просим подсказать, где найти помещение для занятий кружка.")
    page.get_by_role("button", name="Отправить обращение").click()
    page.wait_for_url(re.compile(r"/reception/appeals/\d+/$"))
    expect(page.get_by_text("Обращение отправлено.")).to_be_visible()
    shot("appeal-sent")
    assert Appeal.objects.get().status == Appeal.Status.SUBMITTED

    # A booking of another organisation's hall.
    day = timezone.localdate() + dt.timedelta(days=4)
    page.goto(f"/resources/offers/{hall.pk}/book/?date={day.isoformat()}")
    page.locator("#id_start_time").fill("10:00")
    page.locator("#id_end_time").fill("12:00")
    page.get_by_role("button", name="Отправить бронирование").click()
    page.wait_for_url(re.compile(r"/resources/bookings/\d+/$"))
    expect(page.get_by_text("Бронирование отправлено владельцу на подтверждение.")).to_be_visible()
    shot("booked")
    assert Booking.objects.get().offer == hall

    # The health check tells the monitor what is wrong, without failing the whole site.
    health = page.request.get("/healthz/")
    assert health.status == 200
    answer = health.json()
    assert {key: answer[key] for key in ("status", "database", "cache", "queue")} == {
        "status": "degraded",
        "database": "ok",
        "cache": "unavailable",
        "queue": "unavailable",
    }
    assert answer["queue_depth"] is None  # the queue cannot be asked
    assert server_errors == []
    # The e-mail to the hall's owner waits for the queue instead of being lost (retry_emails sends it).
    assert EmailDelivery.objects.filter(
        recipient=hall_owner, status=EmailDelivery.Status.PENDING
    ).exists()
