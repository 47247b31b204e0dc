"""The library's pages: the catalogue with Russian search and filters, a material's page, downloads
counted, uploads and edits by the right people only, materials attached to lessons."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from nkohub.core.models import AuditEntry
from nkohub.learning import services
from nkohub.learning.models import Course, Lesson, Material
from nkohub.learning.tests.factories import (
    CourseFactory,
    LessonFactory,
    MaterialFactory,
    ModuleFactory,
    budget_pdf,
    material,
    topic,
)

pytestmark = pytest.mark.django_db

LIBRARY = "/learning/library/"


def _text(name: str, text: str) -> dict[str, Any]:
    return {"name": name, "content": text.encode()}


@pytest.fixture
def expert(db: Any, course: Course) -> Any:
    from nkohub.accounts.tests.factories import UserFactory

    person = UserFactory.create(full_name="Елена Экспертова")
    course.authors.add(person)
    return person


# --- the catalogue --------------------------------------------------------------------------
def test_the_catalogue_lists_published_materials_only(client: Any, operator: Any) -> None:
    material(operator, title="Шаблон устава АНО", **_text("Устав.txt", "Устав"))
    material(operator, title="Черновик сметы", publish=False, **_text("Смета.txt", "Смета"))
    page = client.get(LIBRARY).content.decode()
    assert "Шаблон устава АНО" in page
    assert "Черновик сметы" not in page


def test_a_word_form_finds_the_material(client: Any, operator: Any) -> None:
    material(operator, title="Методичка по составлению сметы", **_text("a.txt", "Смета"))
    material(operator, title="Памятка волонтёру", **_text("b.txt", "Волонтёры"))
    page = client.get(LIBRARY, {"q": "сметой"}).content.decode()
    assert "Методичка по составлению сметы" in page
    assert "Памятка волонтёру" not in page


def test_words_inside_the_file_find_it(client: Any, operator: Any, capture: Any) -> None:
    with capture(execute=True):
        material(
            operator,
            title="Памятка",
            **_text("Памятка.txt", "Как привлекать частные пожертвования через краудфандинг"),
        )
    page = client.get(LIBRARY, {"q": "пожертвований"}).content.decode()
    assert "Памятка" in page


def test_every_word_of_the_query_must_match(client: Any, operator: Any) -> None:
    material(operator, title="Смета проекта", **_text("a.txt", "x"))
    page = client.get(LIBRARY, {"q": "смета волонтёры"}).content.decode()
    assert "Смета проекта" not in page


def test_a_typo_gets_a_suggestion(client: Any, operator: Any) -> None:
    material(operator, title="Методичка по составлению сметы", **_text("a.txt", "x"))
    page = client.get(LIBRARY, {"q": "методчка"}).content.decode()
    assert "«методичка»" in page


def test_the_topic_filter_keeps_materials_of_the_topic(client: Any, operator: Any) -> None:
    material(
        operator, title="Учётная политика НКО", topics=[topic("accounting")], **_text("a.txt", "x")
    )
    material(operator, title="Пресс-релиз", topics=[topic("media")], **_text("b.txt", "x"))
    page = client.get(LIBRARY, {"topic": "accounting"}).content.decode()
    assert "Учётная политика НКО" in page
    assert "Пресс-релиз" not in page


def test_the_tag_filter_keeps_materials_with_the_tag(client: Any, operator: Any) -> None:
    material(operator, title="Договор пожертвования", tags="Договор, бюджет", **_text("a.txt", "x"))
    material(operator, title="Пресс-релиз", tags="СМИ", **_text("b.txt", "x"))
    page = client.get(LIBRARY, {"tag": "договор"}).content.decode()
    assert "Договор пожертвования" in page
    assert "Пресс-релиз" not in page


def test_the_kind_filter_keeps_materials_of_the_kind(client: Any, operator: Any) -> None:
    material(operator, title="Чек-лист заявки", kind="checklist", **_text("a.txt", "x"))
    material(operator, title="Шаблон письма", kind="template", **_text("b.txt", "x"))
    page = client.get(LIBRARY, {"kind": "checklist"}).content.decode()
    assert "Чек-лист заявки" in page
    assert "Шаблон письма" not in page


def test_an_empty_library_says_so(client: Any) -> None:
    assert "Библиотека пока пуста" in client.get(LIBRARY).content.decode()


def test_nothing_found_says_so(client: Any, operator: Any) -> None:
    material(operator, title="Смета", **_text("a.txt", "x"))
    page = client.get(LIBRARY, {"q": "велосипед"}).content.decode()
    assert "Нет материалов" in page


@pytest.mark.parametrize("count", [3, 15])
def test_the_catalogue_costs_the_same_queries_whatever_its_size(
    client: Any, django_assert_num_queries: Any, count: int
) -> None:
    for n in range(count):
        made = MaterialFactory.create()
        made.topics.add(topic("grants"), topic("media"))
        made.tags.create(name=f"метка {n}")
    # the tags of the filter, the count, the page, its topics, its tags, the topics of the filter
    with django_assert_num_queries(6):
        client.get(LIBRARY)


@pytest.mark.parametrize("count", [1, 6])
def test_a_material_page_costs_the_same_queries_whatever_uses_it(
    client: Any, operator: Any, django_assert_num_queries: Any, count: int
) -> None:
    made = MaterialFactory.create()
    for n in range(count):
        made.tags.create(name=f"метка {n}")
        lesson = LessonFactory.create(module=ModuleFactory.create(course=CourseFactory.create()))
        lesson.materials.add(made)
    # the material, its topics, its tags, the courses using it
    with django_assert_num_queries(4):
        client.get(made.get_absolute_url())


# --- a material's page ------------------------------------------------------------------------
def test_the_page_lists_the_published_courses_that_use_it(client: Any, operator: Any) -> None:
    made = MaterialFactory.create()
    shown = CourseFactory.create(title="Как подать заявку")
    hidden = CourseFactory.create(title="Курс в черновике", status="draft", published_at=None)
    for course in (shown, hidden):
        LessonFactory.create(module=ModuleFactory.create(course=course)).materials.add(made)
    page = client.get(made.get_absolute_url()).content.decode()
    assert "Как подать заявку" in page
    assert "Курс в черновике" not in page


def test_a_lesson_taken_out_of_a_course_no_longer_counts_as_use(client: Any) -> None:
    from django.utils import timezone

    made = MaterialFactory.create()
    course = CourseFactory.create(title="Бухгалтерия НКО")
    lesson = LessonFactory.create(
        module=ModuleFactory.create(course=course), archived_at=timezone.now()
    )
    lesson.materials.add(made)
    assert "Бухгалтерия НКО" not in client.get(made.get_absolute_url()).content.decode()


def test_a_draft_is_not_found_by_others(client: Any, operator: Any, outsider: Any) -> None:
    made = material(operator, publish=False, **_text("a.txt", "x"))
    client.force_login(outsider)
    assert client.get(made.get_absolute_url()).status_code == 404


def test_a_drafts_file_is_not_found_by_guests(client: Any, operator: Any) -> None:
    made = material(operator, publish=False, **_text("a.txt", "x"))
    assert client.get(reverse("learning:material_download", args=[made.pk])).status_code == 404


def test_the_uploader_sees_their_draft(client: Any, operator: Any) -> None:
    made = material(operator, title="Мой черновик", publish=False, **_text("a.txt", "x"))
    client.force_login(operator)
    assert "Мой черновик" in client.get(made.get_absolute_url()).content.decode()


# --- downloads --------------------------------------------------------------------------------
def test_a_download_sends_the_file_under_its_name(client: Any, operator: Any) -> None:
    made = material(operator, name="Смета проекта.pdf", content=budget_pdf())
    response = client.get(reverse("learning:material_download", args=[made.pk]))
    assert b"".join(response.streaming_content) == budget_pdf()
    assert "attachment" in response["Content-Disposition"]


def test_each_download_counts_once(client: Any, operator: Any) -> None:
    made = material(operator, **_text("a.txt", "x"))
    url = reverse("learning:material_download", args=[made.pk])
    for _ in range(3):
        b"".join(client.get(url).streaming_content)
    made.refresh_from_db()
    assert made.download_count == 3


def test_a_head_request_does_not_count(client: Any, operator: Any) -> None:
    made = material(operator, **_text("a.txt", "x"))
    client.head(reverse("learning:material_download", args=[made.pk]))
    made.refresh_from_db()
    assert made.download_count == 0


# --- uploading and editing --------------------------------------------------------------------
def _form(title: str = "Шаблон сметы", **extra: Any) -> dict[str, Any]:
    return {
        "title": title,
        "kind": "template",
        "description": "Смета по статьям Фонда.",
        "topics": [topic("grants").pk],
        "tags_text": "смета, бюджет",
        "upload": SimpleUploadedFile("Смета.pdf", budget_pdf()),
        **extra,
    }


def test_an_operator_uploads_a_material_as_a_draft(client: Any, operator: Any) -> None:
    client.force_login(operator)
    client.post(reverse("learning:material_create"), _form())
    made = Material.objects.get()
    assert (made.status, made.file_format, sorted(t.name for t in made.tags.all())) == (
        "draft",
        "pdf",
        ["бюджет", "смета"],
    )


def test_a_course_author_uploads_a_material(client: Any, expert: Any) -> None:
    client.force_login(expert)
    client.post(reverse("learning:material_create"), _form())
    assert Material.objects.get().created_by == expert


def test_a_member_who_writes_no_course_cannot_upload(client: Any, member: Any) -> None:
    client.force_login(member)
    response = client.post(reverse("learning:material_create"), _form())
    assert response.status_code == 403


def test_a_lying_file_is_refused_on_the_form(client: Any, operator: Any) -> None:
    client.force_login(operator)
    upload = SimpleUploadedFile("Шаблон.docx", budget_pdf())
    response = client.post(reverse("learning:material_create"), _form(upload=upload))
    assert "не соответствует" in response.content.decode()


def test_someone_elses_material_cannot_be_edited(client: Any, operator: Any, expert: Any) -> None:
    made = material(operator, **_text("a.txt", "x"))
    client.force_login(expert)
    response = client.post(reverse("learning:material_edit", args=[made.pk]), _form("Чужое"))
    assert response.status_code == 403


def test_someone_elses_material_cannot_be_published(
    client: Any, operator: Any, expert: Any
) -> None:
    made = material(expert, publish=False, **_text("a.txt", "x"))
    other = material(operator, **_text("b.txt", "x"))
    client.force_login(expert)
    response = client.post(
        reverse("learning:material_status", args=[other.pk]), {"status": "draft"}
    )
    assert (response.status_code, made.status) == (403, "draft")


def test_the_uploader_publishes_their_material(client: Any, expert: Any) -> None:
    made = material(expert, publish=False, **_text("a.txt", "x"))
    client.force_login(expert)
    client.post(reverse("learning:material_status", args=[made.pk]), {"status": "published"})
    made.refresh_from_db()
    assert made.status == "published"


def test_an_edit_is_audited_with_what_changed(client: Any, operator: Any) -> None:
    made = material(operator, title="Старое название", **_text("a.txt", "x"))
    client.force_login(operator)
    data = _form("Новое название")
    data.pop("upload")
    client.post(reverse("learning:material_edit", args=[made.pk]), data)
    entry = AuditEntry.objects.filter(action="learning.material.update").get()
    assert entry.changes["title"] == ["Старое название", "Новое название"]


def test_my_materials_list_is_for_contributors(client: Any, member: Any) -> None:
    client.force_login(member)
    assert client.get(reverse("learning:library_mine")).status_code == 403


# --- lessons ----------------------------------------------------------------------------------
def _attach(client: Any, course: Course, lesson: Lesson, made: Material) -> Any:
    return client.post(
        reverse("learning:lesson_material_attach", args=[course.slug, lesson.pk]),
        {"material": made.pk},
    )


def test_an_author_attaches_a_material_and_learners_see_it(
    client: Any, operator: Any, outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    made = material(operator, title="Шаблон сметы", **_text("a.txt", "x"))
    client.force_login(operator)
    _attach(client, course, lessons[0], made)
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    page = client.get(reverse("learning:lesson", args=[course.slug, lessons[0].pk]))
    assert "Шаблон сметы" in page.content.decode()


def test_a_learner_cannot_attach_materials(
    client: Any, operator: Any, outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    made = material(operator, **_text("a.txt", "x"))
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    assert _attach(client, course, lessons[0], made).status_code == 403


def test_a_draft_material_cannot_be_attached(
    client: Any, operator: Any, course: Course, lessons: list[Lesson]
) -> None:
    made = material(operator, publish=False, **_text("a.txt", "x"))
    client.force_login(operator)
    _attach(client, course, lessons[0], made)
    assert not lessons[0].materials.exists()


def test_a_learner_cannot_detach_materials(
    client: Any, operator: Any, outsider: Any, course: Course, lessons: list[Lesson]
) -> None:
    made = material(operator, **_text("a.txt", "x"))
    lessons[0].materials.add(made)
    services.enrolment_create(actor=outsider, course=course)
    client.force_login(outsider)
    response = client.post(
        reverse("learning:lesson_material_detach", args=[course.slug, lessons[0].pk, made.pk])
    )
    assert response.status_code == 403


def test_an_author_detaches_a_material(
    client: Any, operator: Any, course: Course, lessons: list[Lesson]
) -> None:
    made = material(operator, **_text("a.txt", "x"))
    lessons[0].materials.add(made)
    client.force_login(operator)
    client.post(
        reverse("learning:lesson_material_detach", args=[course.slug, lessons[0].pk, made.pk])
    )
    assert not lessons[0].materials.exists()


@pytest.mark.parametrize("model", ["material", "materialtag", "recording"])
def test_operators_manage_the_library_in_the_admin(client: Any, operator: Any, model: str) -> None:
    MaterialFactory.create()
    client.force_login(operator)
    assert client.get(f"/admin/learning/{model}/").status_code == 200
