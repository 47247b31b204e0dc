from typing import Any

import pytest
from django.core import mail

from nkohub.accounts.tests.factories import UserFactory
from nkohub.notifications.kinds import register_notification_kind
from nkohub.notifications.models import (
    ALL_KINDS,
    EmailDelivery,
    EmailMode,
    Notification,
    NotificationPreference,
)
from nkohub.notifications.services import notify

pytestmark = pytest.mark.django_db
KIND = "tests.appeal.answered"


def test_it_puts_a_notification_in_each_inbox_once(owner: Any, member: Any, ngo: Any) -> None:
    created = notify(
        recipients=[owner, member, owner, None],
        kind=KIND,
        title="Ответ получен",
        obj=ngo,
        url="/x/",
    )
    assert {n.recipient for n in created} == {owner, member}
    stored = Notification.objects.get(recipient=owner)
    assert stored.target == ngo
    assert stored.title == "Ответ получен"


def test_the_actor_is_not_told_of_their_own_action(owner: Any, member: Any) -> None:
    created = notify(recipients=[owner, member], kind=KIND, title="Изменение", actor=owner)
    assert [n.recipient for n in created] == [member]
    assert created[0].actor == owner


def test_inactive_people_get_nothing(owner: Any) -> None:
    owner.is_active = False
    owner.save()
    assert notify(recipients=[owner], kind=KIND, title="Ответ") == []


def test_by_default_the_email_goes_out_at_once(
    owner: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[owner], kind=KIND, title="Ответ на обращение")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [owner.email]
    assert mail.outbox[0].subject == "Ответ на обращение"
    delivery = EmailDelivery.objects.get()
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.notifications.get().recipient == owner


def test_no_email_is_sent_before_the_transaction_commits(owner: Any) -> None:
    notify(recipients=[owner], kind=KIND, title="Ответ")
    assert mail.outbox == []
    assert EmailDelivery.objects.get().status == EmailDelivery.Status.PENDING


def test_a_kind_set_to_digest_is_not_emailed_at_once(
    owner: Any, django_capture_on_commit_callbacks: Any
) -> None:
    NotificationPreference.objects.create(user=owner, kind=KIND, email_mode=EmailMode.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        (notification,) = notify(recipients=[owner], kind=KIND, title="Ответ")
    assert mail.outbox == []
    assert notification.email_mode == EmailMode.DIGEST
    assert notification.delivery is None


def test_a_kind_turned_off_is_only_in_the_inbox(
    owner: Any, django_capture_on_commit_callbacks: Any
) -> None:
    NotificationPreference.objects.create(user=owner, kind=KIND, email_mode=EmailMode.OFF)
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[owner], kind=KIND, title="Ответ")
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=owner).count() == 1


def test_the_personal_default_applies_to_kinds_not_set(
    owner: Any, member: Any, django_capture_on_commit_callbacks: Any
) -> None:
    NotificationPreference.objects.create(user=owner, kind=ALL_KINDS, email_mode=EmailMode.OFF)
    NotificationPreference.objects.create(user=owner, kind=KIND, email_mode=EmailMode.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[owner, member], kind="tests.other.kind", title="Другое")
        notify(recipients=[owner], kind=KIND, title="Ответ")
    assert sorted(m.subject for m in mail.outbox) == ["Другое", "Ответ"]
    assert {tuple(m.to) for m in mail.outbox} == {(member.email,), (owner.email,)}
    assert [m.to for m in mail.outbox if m.subject == "Ответ"] == [[owner.email]]


def test_a_registered_kind_brings_its_default(django_capture_on_commit_callbacks: Any) -> None:
    register_notification_kind(
        "tests.weekly.thing", "Еженедельное", default_email_mode=EmailMode.DIGEST
    )
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        (notification,) = notify(
            recipients=[person], kind="tests.weekly.thing", title="Раз в неделю"
        )
    assert notification.email_mode == EmailMode.DIGEST
    assert mail.outbox == []


def test_notify_keeps_a_constant_number_of_queries(django_assert_max_num_queries: Any) -> None:
    people = UserFactory.create_batch(10)
    with django_assert_max_num_queries(6):
        notify(recipients=people, kind=KIND, title="Всем")
