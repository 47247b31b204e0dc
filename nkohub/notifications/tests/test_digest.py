from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.core.management import call_command
from django.utils import timezone

from nkohub.accounts.tests.factories import UserFactory
from nkohub.notifications import services
from nkohub.notifications.mail import read_unsubscribe_token
from nkohub.notifications.models import (
    ALL_KINDS,
    EmailDelivery,
    EmailMode,
    Notification,
    NotificationPreference,
)
from nkohub.notifications.services import notify
from nkohub.organizations.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db
KIND = "tests.news.published"


@pytest.fixture
def reader(db: Any) -> Any:
    person: Any = UserFactory(email="reader@example.org")
    NotificationPreference.objects.create(user=person, kind=ALL_KINDS, email_mode=EmailMode.DIGEST)
    return person


def _at(minutes: int) -> Any:
    return time_machine.travel(
        timezone.now() - timedelta(hours=3) + timedelta(minutes=minutes), tick=False
    )


def test_the_digest_groups_by_subject_newest_first(
    reader: Any, django_capture_on_commit_callbacks: Any
) -> None:
    first: Any = OrganizationFactory(short_name="Фонд «Первый»")
    second: Any = OrganizationFactory(short_name="Фонд «Второй»")
    with _at(1):
        notify(
            recipients=[reader], kind=KIND, title="Первый: заявка принята", obj=first, url="/o/1/"
        )
    with _at(2):
        notify(
            recipients=[reader],
            kind=KIND,
            title="Второй: новость опубликована",
            obj=second,
            url="/o/2/",
        )
    with _at(3):
        notify(
            recipients=[reader], kind=KIND, title="Первый: заявка одобрена", obj=first, url="/o/1/"
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digests_send() == "1 digests"
    (message,) = mail.outbox
    assert isinstance(message, EmailMultiAlternatives)
    assert "3 новых уведомления" in message.subject
    body = message.body
    # The group with the newest item comes first, its items newest first.
    assert body.index("Фонд «Первый»") < body.index("Фонд «Второй»")
    assert body.index("Первый: заявка одобрена") < body.index("Первый: заявка принята")
    assert body.count("== Фонд «Первый» ==") == 1
    html = message.alternatives[0][0]
    assert isinstance(html, str)
    assert "Фонд «Второй»" in html
    token = message.extra_headers["List-Unsubscribe"].rstrip("/>").rsplit("/", 1)[1]
    assert read_unsubscribe_token(token) == (reader.pk, ALL_KINDS)


def test_a_second_run_repeats_nothing_and_sends_nothing_empty(
    reader: Any, django_capture_on_commit_callbacks: Any
) -> None:
    notify(recipients=[reader], kind=KIND, title="Первая новость")
    with django_capture_on_commit_callbacks(execute=True):
        services.digests_send()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digests_send() == "0 digests"
    assert len(mail.outbox) == 1
    notify(recipients=[reader], kind=KIND, title="Вторая новость")
    with django_capture_on_commit_callbacks(execute=True):
        services.digests_send()
    assert len(mail.outbox) == 2
    assert "Вторая новость" in mail.outbox[1].body
    assert "Первая новость" not in mail.outbox[1].body
    assert EmailDelivery.objects.filter(kind=EmailDelivery.Kind.DIGEST).count() == 2


def test_nobody_gets_an_empty_digest(
    reader: Any, owner: Any, django_capture_on_commit_callbacks: Any
) -> None:
    notify(recipients=[owner], kind=KIND, title="Сразу, не в сводку")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.digests_send() == "0 digests"
    assert not EmailDelivery.objects.filter(kind=EmailDelivery.Kind.DIGEST).exists()


def test_what_was_read_in_the_inbox_stays_out_of_the_digest(
    reader: Any, django_capture_on_commit_callbacks: Any
) -> None:
    (read,) = notify(recipients=[reader], kind=KIND, title="Уже прочитано")
    notify(recipients=[reader], kind=KIND, title="Ещё не прочитано")
    services.notification_mark_read(actor=reader, notification=read)
    with django_capture_on_commit_callbacks(execute=True):
        services.digests_send()
    assert "Ещё не прочитано" in mail.outbox[0].body
    assert "Уже прочитано" not in mail.outbox[0].body


def test_a_kind_turned_off_after_the_fact_is_left_out(
    reader: Any, django_capture_on_commit_callbacks: Any
) -> None:
    notify(recipients=[reader], kind=KIND, title="Выключенный вид")
    notify(recipients=[reader], kind="tests.other", title="Оставленный вид")
    NotificationPreference.objects.create(user=reader, kind=KIND, email_mode=EmailMode.OFF)
    with django_capture_on_commit_callbacks(execute=True):
        services.digests_send()
    assert "Выключенный вид" not in mail.outbox[0].body
    assert Notification.objects.get(title="Выключенный вид").email_mode == EmailMode.OFF


def test_the_send_digests_command_runs_the_job(
    reader: Any, django_capture_on_commit_callbacks: Any
) -> None:
    notify(recipients=[reader], kind=KIND, title="Новость")
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", stdout=out)
    assert len(mail.outbox) == 1
    assert out.getvalue().strip() == "1 digests"


def test_purging_old_records_never_brings_an_item_back_into_a_digest(
    reader: Any, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    (unread,) = notify(recipients=[reader], kind=KIND, title="Давняя непрочитанная новость")
    (read,) = notify(recipients=[reader], kind=KIND, title="Давняя прочитанная новость")
    with django_capture_on_commit_callbacks(execute=True):
        services.digests_send()
    services.notification_mark_read(actor=reader, notification=read)
    with time_machine.travel(
        timezone.now() + timedelta(days=settings.NOTIFICATIONS_RETENTION_DAYS + 1)
    ):
        assert services.notifications_purge() == "1 notifications, 0 e-mail records deleted"
        with django_capture_on_commit_callbacks(execute=True):
            assert services.digests_send() == "0 digests"
    assert Notification.objects.filter(pk=unread.pk).exists()
    assert len(mail.outbox) == 1
