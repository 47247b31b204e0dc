"""Every transition of an appeal through the services: the status, the stored dates, the history, who is told."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from nkohub.core.errors import DomainError
from nkohub.notifications.models import Notification
from nkohub.reception import services, workflow
from nkohub.reception.models import Appeal, AppealEvent, CalendarDay
from nkohub.reception.tests.clock import at

pytestmark = pytest.mark.django_db


def kinds(appeal: Appeal) -> list[str]:
    return list(appeal.events.order_by("id").values_list("kind", flat=True))


def test_the_transitions_are_defined_in_one_place() -> None:
    assert set(workflow.TRANSITIONS) == {
        "edit",
        "submit",
        "register",
        "assign",
        "extend",
        "answer",
        "redirect",
        "close",
        "clarify",
        "rate",
    }
    assert workflow.TRANSITIONS["register"].sources == (Appeal.Status.SUBMITTED,)


def test_a_new_appeal_is_a_draft_officials_are_not_told_of(make_appeal: Any, official: Any) -> None:
    appeal = make_appeal(Appeal.Status.DRAFT)
    assert appeal.status == Appeal.Status.DRAFT
    assert appeal.submitted_at is None
    assert kinds(appeal) == ["created"]
    assert not Notification.objects.filter(recipient=official).exists()


def test_submitting_stores_the_registration_due_date_and_tells_the_officials(
    make_appeal: Any, official: Any, editor: Any
) -> None:
    appeal = make_appeal(Appeal.Status.DRAFT)
    with at("2026-11-20"):
        services.appeal_submit(actor=editor, appeal=appeal)
    assert appeal.status == Appeal.Status.SUBMITTED
    assert appeal.registration_due == date(2026, 11, 23)
    assert kinds(appeal) == ["created", "submitted"]
    assert (
        Notification.objects.filter(recipient=official, kind="reception.appeal.submitted").count()
        == 1
    )


def test_registering_gives_a_number_and_stores_the_answer_and_redirect_due_dates(
    make_appeal: Any, official: Any, editor: Any
) -> None:
    with at("2026-01-30"):
        appeal = make_appeal()
    with at("2026-01-31"):
        services.appeal_register(actor=official, appeal=appeal)
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.REGISTERED
    assert appeal.registration_number == "ЭО-2026-00001"
    assert appeal.registered_on == date(2026, 1, 31)
    assert appeal.answer_due == date(2026, 3, 2)
    assert appeal.redirect_due == date(2026, 2, 9)  # 07.02 is a Saturday
    event = appeal.events.get(kind="registered")
    assert event.actor == official
    assert event.status_before == "submitted"
    assert event.status_after == "registered"
    assert Notification.objects.filter(
        recipient=editor, kind="reception.appeal.registered"
    ).exists()


def test_registration_numbers_follow_each_other_within_an_authority(make_appeal: Any) -> None:
    first, second = make_appeal(Appeal.Status.REGISTERED), make_appeal(Appeal.Status.REGISTERED)
    year = first.registered_on.year
    assert [first.registration_number, second.registration_number] == [
        f"ЭО-{year}-00001",
        f"ЭО-{year}-00002",
    ]


def test_a_registration_number_is_unique_within_the_authority(
    make_appeal: Any, official: Any
) -> None:
    services.appeal_register(actor=official, appeal=make_appeal(), registration_number="12-ОГ")
    with pytest.raises(DomainError, match="уже присвоен"):
        services.appeal_register(actor=official, appeal=make_appeal(), registration_number="12-ОГ")


def test_a_registration_date_in_the_future_or_before_receipt_is_refused(
    make_appeal: Any, official: Any
) -> None:
    appeal = make_appeal()
    with pytest.raises(DomainError, match="в будущем"):
        services.appeal_register(
            actor=official, appeal=appeal, registered_on=timezone.localdate() + timedelta(days=2)
        )
    with pytest.raises(DomainError, match="раньше даты поступления"):
        services.appeal_register(actor=official, appeal=appeal, registered_on=date(2020, 1, 1))


def test_a_late_registration_is_marked_in_the_history(make_appeal: Any, official: Any) -> None:
    with at("2026-11-02"):
        appeal = make_appeal()
    with at("2026-11-10"):
        services.appeal_register(actor=official, appeal=appeal)
    assert appeal.events.get(kind="registered").data["late"] is True


def test_assigning_puts_the_appeal_in_work_and_tells_the_colleague(
    make_appeal: Any, official: Any, colleague: Any
) -> None:
    appeal = make_appeal(Appeal.Status.REGISTERED)
    services.appeal_assign(actor=official, appeal=appeal, assignee=colleague)
    assert appeal.status == Appeal.Status.IN_WORK
    assert appeal.assignee == colleague
    assert Notification.objects.filter(
        recipient=colleague, kind="reception.appeal.assigned"
    ).exists()


def test_an_appeal_cannot_be_assigned_to_someone_outside_the_authority(
    make_appeal: Any, official: Any, other_official: Any
) -> None:
    with pytest.raises(DomainError, match="сотрудника этого органа"):
        services.appeal_assign(
            actor=official, appeal=make_appeal(Appeal.Status.REGISTERED), assignee=other_official
        )


def test_an_extension_moves_the_due_date_once_and_tells_the_author(
    make_appeal: Any, official: Any, editor: Any
) -> None:
    with at("2026-03-02"):
        appeal = make_appeal(Appeal.Status.IN_WORK)
        services.appeal_extend(
            actor=official, appeal=appeal, days=30, reason="Нужен запрос в Социальный фонд"
        )
    assert appeal.answer_due == date(2026, 5, 4)
    assert appeal.extension_days == 30
    assert appeal.status == Appeal.Status.IN_WORK
    assert appeal.events.get(kind="extended").data["answer_due"] == ["2026-04-01", "2026-05-04"]
    assert Notification.objects.filter(recipient=editor, kind="reception.appeal.extended").exists()
    with at("2026-03-03"), pytest.raises(DomainError, match="один раз"):
        services.appeal_extend(actor=official, appeal=appeal, days=5, reason="Ещё")


@pytest.mark.parametrize("days", [0, 31])
def test_an_extension_is_between_1_and_30_days(make_appeal: Any, official: Any, days: int) -> None:
    with pytest.raises(DomainError, match="30 дней"):
        services.appeal_extend(
            actor=official,
            appeal=make_appeal(Appeal.Status.REGISTERED),
            days=days,
            reason="Причина",
        )


def test_an_extension_needs_a_reason(make_appeal: Any, official: Any) -> None:
    with pytest.raises(DomainError, match="причину"):
        services.appeal_extend(
            actor=official, appeal=make_appeal(Appeal.Status.REGISTERED), days=10, reason="  "
        )


def test_an_extension_after_the_deadline_is_refused(make_appeal: Any, official: Any) -> None:
    with at("2026-03-02"):
        appeal = make_appeal(Appeal.Status.REGISTERED)
    with at("2026-04-10"), pytest.raises(DomainError, match="истёк"):
        services.appeal_extend(actor=official, appeal=appeal, days=10, reason="Поздно")


def test_answering_stores_the_answer_with_files_and_tells_the_author(
    make_appeal: Any, official: Any, editor: Any
) -> None:
    appeal = make_appeal(Appeal.Status.IN_WORK)
    pdf = SimpleUploadedFile("ответ.pdf", b"%PDF-1.4 answer", content_type="application/pdf")
    services.appeal_answer(actor=official, appeal=appeal, text="Ответ по существу.", files=[pdf])
    assert appeal.status == Appeal.Status.ANSWERED
    assert appeal.answered_by == official
    assert appeal.answered_in_time is True
    assert appeal.attachments.get().role == "answer"
    assert Notification.objects.filter(recipient=editor, kind="reception.appeal.answered").exists()


def test_an_answer_may_not_be_empty(make_appeal: Any, official: Any) -> None:
    with pytest.raises(DomainError, match="Напишите ответ"):
        services.appeal_answer(
            actor=official, appeal=make_appeal(Appeal.Status.REGISTERED), text=" "
        )


def test_a_redirect_within_7_days_sends_the_appeal_to_the_competent_authority(
    make_appeal: Any,
    official: Any,
    editor: Any,
    other_authority: Any,
    other_official: Any,
) -> None:
    with at("2026-05-04"):
        appeal = make_appeal(Appeal.Status.REGISTERED)
    assert appeal.redirect_due == date(2026, 5, 12)
    with at("2026-05-12"):
        forwarded = services.appeal_redirect(
            actor=official,
            appeal=appeal,
            to_authority=other_authority,
            note="Вопрос в ведении Управы.",
        )
    appeal.refresh_from_db()
    assert appeal.status == Appeal.Status.REDIRECTED
    assert appeal.redirect_authority == other_authority
    assert forwarded.authority == other_authority
    assert forwarded.status == Appeal.Status.SUBMITTED
    assert forwarded.redirected_from == appeal
    assert forwarded.author == editor
    assert forwarded.registration_due == date(2026, 5, 15)
    assert Notification.objects.filter(
        recipient=editor, kind="reception.appeal.redirected"
    ).exists()
    assert Notification.objects.filter(
        recipient=other_official, kind="reception.appeal.submitted"
    ).exists()
    assert kinds(forwarded) == ["received_by_redirect"]


def test_a_redirect_after_7_days_of_registration_is_refused(
    make_appeal: Any, official: Any, other_authority: Any
) -> None:
    with at("2026-05-04"):
        appeal = make_appeal(Appeal.Status.REGISTERED)
    with at("2026-05-13"), pytest.raises(DomainError, match="12 мая 2026"):
        services.appeal_redirect(
            actor=official, appeal=appeal, to_authority=other_authority, note="Поздно"
        )


def test_a_redirect_to_the_same_authority_is_refused(
    make_appeal: Any, official: Any, authority: Any
) -> None:
    with pytest.raises(DomainError, match="другой орган"):
        services.appeal_redirect(
            actor=official,
            appeal=make_appeal(Appeal.Status.REGISTERED),
            to_authority=authority,
            note="x",
        )


def test_leaving_without_an_answer_needs_a_ground_of_the_law_and_tells_the_author_why(
    make_appeal: Any, official: Any, editor: Any
) -> None:
    appeal = make_appeal(Appeal.Status.REGISTERED)
    with pytest.raises(DomainError, match="основание"):
        services.appeal_close(actor=official, appeal=appeal, ground="dislike", note="Не нравится")
    services.appeal_close(
        actor=official,
        appeal=appeal,
        ground=Appeal.NoAnswerGround.REPEATED,
        note="Ответ дан 01.10.2026 № 5.",
    )
    assert appeal.status == Appeal.Status.CLOSED
    notification = Notification.objects.get(recipient=editor, kind="reception.appeal.closed")
    assert "Ответ дан 01.10.2026" in notification.body


def test_the_author_clarifies_and_the_handler_is_told(
    make_appeal: Any, editor: Any, official: Any
) -> None:
    appeal = make_appeal(Appeal.Status.IN_WORK)
    services.appeal_clarify(actor=editor, appeal=appeal, text="Прилагаем договор.")
    assert appeal.events.get(kind="clarified").text == "Прилагаем договор."
    assert Notification.objects.filter(
        recipient=official, kind="reception.appeal.clarified"
    ).exists()


def test_the_author_rates_the_answer_once(make_appeal: Any, editor: Any) -> None:
    appeal = make_appeal(Appeal.Status.ANSWERED)
    services.appeal_rate(actor=editor, appeal=appeal, rating=5, comment="Спасибо")
    assert appeal.rating == 5
    assert appeal.rated_at is not None
    with pytest.raises(DomainError, match="уже оценён"):
        services.appeal_rate(actor=editor, appeal=appeal, rating=1)


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (Appeal.Status.DRAFT, "register"),
        (Appeal.Status.SUBMITTED, "answer"),
        (Appeal.Status.ANSWERED, "extend"),
        (Appeal.Status.ANSWERED, "redirect"),
        (Appeal.Status.CLOSED, "answer"),
        (Appeal.Status.IN_WORK, "rate"),
        (Appeal.Status.ANSWERED, "clarify"),
        (Appeal.Status.REGISTERED, "register"),
    ],
)
def test_an_action_the_status_does_not_allow_is_refused(
    make_appeal: Any, official: Any, editor: Any, status: str, action: str
) -> None:
    appeal = make_appeal(status)
    actor = editor if action in ("rate", "clarify") else official
    calls = {
        "register": lambda: services.appeal_register(actor=actor, appeal=appeal),
        "answer": lambda: services.appeal_answer(actor=actor, appeal=appeal, text="Ответ"),
        "extend": lambda: services.appeal_extend(actor=actor, appeal=appeal, days=5, reason="x"),
        "redirect": lambda: services.appeal_redirect(
            actor=actor, appeal=appeal, to_authority=appeal.authority, note="x"
        ),
        "rate": lambda: services.appeal_rate(actor=actor, appeal=appeal, rating=4),
        "clarify": lambda: services.appeal_clarify(actor=actor, appeal=appeal, text="x"),
    }
    with pytest.raises((DomainError, PermissionDenied)):
        calls[action]()
    assert Appeal.objects.get(pk=appeal.pk).status == status


def test_an_author_cannot_act_as_an_official_nor_an_official_as_the_author(
    make_appeal: Any, editor: Any, official: Any, other_official: Any
) -> None:
    appeal = make_appeal(Appeal.Status.REGISTERED)
    with pytest.raises(PermissionDenied):
        services.appeal_answer(actor=editor, appeal=appeal, text="Сам себе отвечу")
    with pytest.raises(PermissionDenied):
        services.appeal_answer(actor=other_official, appeal=appeal, text="Чужой орган")
    with pytest.raises(PermissionDenied):
        services.appeal_clarify(actor=official, appeal=appeal, text="Я не автор")


def test_editing_the_calendar_later_does_not_move_a_stored_deadline(
    make_appeal: Any, official: Any
) -> None:
    with at("2026-03-02"):
        appeal = make_appeal(Appeal.Status.REGISTERED)
    assert appeal.answer_due == date(2026, 4, 1)
    CalendarDay.objects.create(
        day=date(2026, 4, 1), kind=CalendarDay.Kind.HOLIDAY, description="Внезапный выходной"
    )
    appeal.refresh_from_db()
    assert appeal.answer_due == date(2026, 4, 1)
    with at("2026-03-02"):
        later = make_appeal(Appeal.Status.REGISTERED)
    assert later.answer_due == date(2026, 4, 2)


def test_every_change_is_in_the_history_with_who_and_when(
    make_appeal: Any, editor: Any, official: Any
) -> None:
    appeal = make_appeal(Appeal.Status.ANSWERED)
    services.appeal_rate(actor=editor, appeal=appeal, rating=4)
    events = list(AppealEvent.objects.filter(appeal=appeal).order_by("id"))
    assert [e.kind for e in events] == ["created", "submitted", "registered", "answered", "rated"]
    assert [e.actor for e in events] == [editor, editor, official, official, editor]
    assert all(e.created_at is not None for e in events)


def test_the_calendar_limits_of_extending_and_redirecting_are_in_the_workflow(
    make_appeal: Any,
) -> None:
    with at("2026-03-02"):
        appeal = make_appeal(Appeal.Status.REGISTERED)
    assert appeal.redirect_due == date(2026, 3, 10)  # 09.03.2026 is the day off for 8 March
    assert workflow.allows(appeal, "redirect", date(2026, 3, 10))
    assert not workflow.allows(appeal, "redirect", date(2026, 3, 11))
    assert workflow.allows(appeal, "extend", date(2026, 4, 1))
    assert not workflow.allows(appeal, "extend", date(2026, 4, 2))
