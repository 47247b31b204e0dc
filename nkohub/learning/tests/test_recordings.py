"""Webinar recordings: the public list and pages, the video with range requests, an embed, rights at
every write, and a recording as a lesson of a course."""

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.learning import services
from nkohub.learning.models import Course, Lesson, Recording
from nkohub.learning.tests.factories import MaterialFactory, RecordingFactory, topic

pytestmark = pytest.mark.django_db

RUTUBE = "https://rutube.ru/video/0123456789abcdef0123456789abcdef/"


def _form(**extra: Any) -> dict[str, Any]:
    return {
        "title": "Как отчитаться по президентскому гранту",
        "held_on": "2026-11-12",
        "speakers": "Ирина Соколова (ресурсный центр)",
        "minutes": "75",
        "topic": topic("grants").pk,
        "description": "Разбор аналитического и финансового отчётов.",
        "embed_url": RUTUBE,
        **extra,
    }


def test_the_list_shows_published_recordings_only(client: Any) -> None:
    RecordingFactory.create(title="Отчётность НКО в 2026 году")
    RecordingFactory.create(title="Черновик записи", status="draft", published_at=None)
    page = client.get(reverse("learning:recordings")).content.decode()
    assert "Отчётность НКО в 2026 году" in page
    assert "Черновик записи" not in page


def test_an_empty_list_says_so(client: Any) -> None:
    assert "Записей пока нет" in client.get(reverse("learning:recordings")).content.decode()


def test_a_word_form_finds_a_recording(client: Any) -> None:
    RecordingFactory.create(title="Работа со СМИ: пресс-релизы")
    RecordingFactory.create(title="Бухгалтерия НКО")
    page = client.get(reverse("learning:recordings"), {"q": "пресс-релиза"}).content.decode()
    assert "Работа со СМИ" in page
    assert "Бухгалтерия НКО" not in page


@pytest.mark.parametrize("count", [2, 14])
def test_the_list_costs_the_same_queries_whatever_its_size(
    client: Any, django_assert_num_queries: Any, count: int
) -> None:
    RecordingFactory.create_batch(count, topic=topic("media"))
    # the count, the page with topics, the topics of the filter
    with django_assert_num_queries(3):
        client.get(reverse("learning:recordings"))


def test_the_page_shows_the_embedded_player(client: Any) -> None:
    recording = RecordingFactory.create()
    page = client.get(recording.get_absolute_url()).content.decode()
    assert 'src="https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef"' in page


def test_the_page_links_published_slides(client: Any) -> None:
    slides = MaterialFactory.create(title="Слайды вебинара об отчётности")
    recording = RecordingFactory.create(slides=slides)
    assert (
        "Слайды вебинара об отчётности" in client.get(recording.get_absolute_url()).content.decode()
    )


def test_a_draft_is_not_found_by_others(client: Any, outsider: Any) -> None:
    recording = RecordingFactory.create(status="draft", published_at=None)
    client.force_login(outsider)
    assert client.get(recording.get_absolute_url()).status_code == 404


def test_an_operator_adds_a_recording_with_an_embed(client: Any, operator: Any) -> None:
    client.force_login(operator)
    client.post(reverse("learning:recording_create"), _form())
    recording = Recording.objects.get()
    assert (recording.status, recording.embed_url) == (
        "draft",
        "https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef",
    )


def test_a_member_cannot_add_recordings(client: Any, member: Any) -> None:
    client.force_login(member)
    assert client.post(reverse("learning:recording_create"), _form()).status_code == 403


def test_a_recording_needs_a_video_or_an_embed(client: Any, operator: Any) -> None:
    client.force_login(operator)
    client.post(reverse("learning:recording_create"), _form(embed_url=""))
    assert not Recording.objects.exists()


def test_a_link_to_another_site_is_refused(operator: Any) -> None:
    with pytest.raises(DomainError):
        services.recording_create(
            actor=operator,
            title="Запись",
            held_on=dt.date(2026, 11, 1),
            speakers="Спикер",
            minutes=60,
            embed_url="https://example.org/video/1",
        )


def test_someone_else_cannot_edit_a_recording(client: Any, operator: Any, outsider: Any) -> None:
    recording = RecordingFactory.create(created_by=operator)
    client.force_login(outsider)
    response = client.post(reverse("learning:recording_edit", args=[recording.pk]), _form())
    assert response.status_code == 403


def test_someone_else_cannot_publish_a_recording(client: Any, operator: Any, outsider: Any) -> None:
    recording = RecordingFactory.create(created_by=outsider, status="draft", published_at=None)
    other = RecordingFactory.create(created_by=operator)
    client.force_login(outsider)
    response = client.post(
        reverse("learning:recording_status", args=[other.pk]), {"status": "draft"}
    )
    assert (response.status_code, recording.status) == (403, "draft")


def test_the_author_publishes_a_recording(client: Any, operator: Any) -> None:
    recording = RecordingFactory.create(created_by=operator, status="draft", published_at=None)
    client.force_login(operator)
    client.post(reverse("learning:recording_status", args=[recording.pk]), {"status": "published"})
    recording.refresh_from_db()
    assert recording.status == "published"


def test_an_edit_is_audited(client: Any, operator: Any) -> None:
    from nkohub.core.models import AuditEntry

    recording = RecordingFactory.create(created_by=operator)
    client.force_login(operator)
    client.post(reverse("learning:recording_edit", args=[recording.pk]), _form(minutes="80"))
    entry = AuditEntry.objects.get(action="learning.recording.update")
    assert entry.changes["minutes"] == [90, 80]


def test_an_uploaded_video_is_served_in_ranges(client: Any, operator: Any) -> None:
    video = SimpleUploadedFile("webinar.mp4", b"0123456789" * 100, content_type="video/mp4")
    recording = services.recording_create(
        actor=operator,
        title="Запись",
        held_on=dt.date(2026, 11, 1),
        speakers="Спикер",
        minutes=60,
        video=video,
    )
    services.recording_set_status(actor=operator, recording=recording, status="published")
    response = client.get(
        reverse("learning:recording_video", args=[recording.pk]), HTTP_RANGE="bytes=10-19"
    )
    assert (response.status_code, b"".join(response.streaming_content)) == (206, b"0123456789")


# --- as a lesson --------------------------------------------------------------------------------
def test_a_course_makes_a_recording_its_lesson(
    client: Any, operator: Any, outsider: Any, course: Course
) -> None:
    recording = RecordingFactory.create(title="Вебинар о заявке")
    module = course.modules.get(position=1)
    client.force_login(operator)
    client.post(
        reverse("learning:lesson_create", args=[course.slug, module.pk]),
        {"title": "Запись вебинара", "kind": "recording", "recording": recording.pk, "minutes": 90},
    )
    lesson = Lesson.objects.get(kind="recording")
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    page = client.get(reverse("learning:lesson", args=[course.slug, lesson.pk])).content.decode()
    assert "rutube.ru/play/embed/" in page


def test_a_recording_lesson_needs_a_recording(client: Any, operator: Any, course: Course) -> None:
    module = course.modules.get(position=1)
    client.force_login(operator)
    client.post(
        reverse("learning:lesson_create", args=[course.slug, module.pk]),
        {"title": "Запись", "kind": "recording", "minutes": 90},
    )
    assert not Lesson.objects.filter(kind="recording").exists()


def test_a_recording_in_a_published_course_stays_published(operator: Any, course: Course) -> None:
    recording = RecordingFactory.create()
    services.lesson_create(
        actor=operator,
        module=course.modules.get(position=1),
        title="Запись",
        kind="recording",
        recording=recording,
    )
    with pytest.raises(DomainError):
        services.recording_set_status(actor=operator, recording=recording, status="draft")


def test_my_recordings_lists_what_the_person_added(client: Any, operator: Any) -> None:
    RecordingFactory.create(title="Мой вебинар", created_by=operator)
    client.force_login(operator)
    page = client.get(reverse("learning:recordings_mine")).content.decode()
    assert "опубликована" in page


def test_my_recordings_is_for_contributors(client: Any, member: Any) -> None:
    client.force_login(member)
    assert client.get(reverse("learning:recordings_mine")).status_code == 403


def test_a_recording_belongs_to_a_past_public_event(client: Any, operator: Any) -> None:
    from nkohub.events.tests.factories import EventFactory, in_days

    event = EventFactory.create(title="Вебинар «Отчёт по гранту»", starts_at=in_days(-3))
    client.force_login(operator)
    client.post(reverse("learning:recording_create"), _form(event=event.pk))
    recording = Recording.objects.get()
    assert recording.event == event
    page = client.get(recording.get_absolute_url()).content.decode()
    assert f'href="{reverse("events:detail", args=[event.pk])}"' in page


def test_the_form_offers_only_events_that_took_place_in_public(client: Any, operator: Any) -> None:
    from nkohub.events.models import Event
    from nkohub.events.tests.factories import EventFactory, in_days

    past = EventFactory.create(title="Прошедший вебинар", starts_at=in_days(-3))
    EventFactory.create(title="Будущий вебинар", starts_at=in_days(5))
    EventFactory.create(
        title="Отменённый вебинар", starts_at=in_days(-4), status=Event.Status.CANCELLED
    )
    EventFactory.create(
        title="Вебинар для своих", starts_at=in_days(-5), audience=Event.Audience.STAFF
    )
    client.force_login(operator)
    page = client.get(reverse("learning:recording_create")).content.decode()
    offered = [
        title for title in ("Прошедший", "Будущий", "Отменённый", "для своих") if title in page
    ]
    assert offered == ["Прошедший"]
    assert str(past.pk) in page


def test_a_recording_of_an_event_yet_to_come_is_refused(operator: Any) -> None:
    from nkohub.events.tests.factories import EventFactory, in_days

    event = EventFactory.create(starts_at=in_days(5))
    with pytest.raises(DomainError) as refused:
        services.recording_create(
            actor=operator,
            title="Запись",
            held_on=dt.date(2026, 11, 1),
            speakers="Спикер",
            minutes=60,
            embed_url=RUTUBE,
            event=event,
        )
    assert refused.value.field == "event"
    assert not Recording.objects.exists()
