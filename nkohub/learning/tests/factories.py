import datetime as dt
import functools
from typing import Any

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from nkohub.learning import reference, sample_files, services
from nkohub.learning.models import (
    Choice,
    Cohort,
    Course,
    Enrolment,
    Lesson,
    Material,
    Module,
    Question,
    Quiz,
    Recording,
    Topic,
)


def topic(slug: str = "grants") -> Topic:
    """One of the topics the data migration seeds (made again after a test that flushed them)."""
    return reference.topic(slug)


class CourseFactory(factory.django.DjangoModelFactory[Course]):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Как подать заявку на грант, поток {n}")
    slug = factory.Sequence(lambda n: f"grant-course-{n}")
    topic = factory.LazyFunction(topic)
    summary = "Пошагово: от идеи проекта до отправленной заявки."
    audience = "Руководители и сотрудники НКО"
    hours = 8
    status = Course.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class CohortFactory(factory.django.DjangoModelFactory[Cohort]):
    class Meta:
        model = Cohort

    course = factory.SubFactory(CourseFactory, format=Course.Format.COHORT)
    title = factory.Sequence(lambda n: f"Поток {n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=7))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + dt.timedelta(days=30))
    capacity = 20


class ModuleFactory(factory.django.DjangoModelFactory[Module]):
    class Meta:
        model = Module

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Модуль {n}")
    position = factory.Sequence(lambda n: n + 1)


class LessonFactory(factory.django.DjangoModelFactory[Lesson]):
    class Meta:
        model = Lesson

    module = factory.SubFactory(ModuleFactory)
    title = factory.Sequence(lambda n: f"Урок {n}")
    kind = Lesson.Kind.TEXT
    body = "Текст урока: **главное** о заявке."
    position = factory.Sequence(lambda n: n + 1)


def quiz_lesson(module: Module, *, pass_mark: int = 60, max_attempts: int | None = None) -> Lesson:
    """A quiz of three questions: one right answer, several, a short answer."""
    lesson = LessonFactory.create(module=module, title="Проверьте себя", kind=Lesson.Kind.QUIZ)
    quiz = Quiz.objects.create(lesson=lesson, pass_mark=pass_mark, max_attempts=max_attempts)
    single = Question.objects.create(
        quiz=quiz,
        kind=Question.Kind.SINGLE,
        text="Кто проводит конкурсы Фонда президентских грантов?",
        explanation="Оператор конкурсов — Фонд президентских грантов.",
        position=1,
    )
    Choice.objects.create(question=single, text="Фонд президентских грантов", is_correct=True)
    Choice.objects.create(question=single, text="Министерство юстиции")
    multiple = Question.objects.create(
        quiz=quiz,
        kind=Question.Kind.MULTIPLE,
        text="Что входит в заявку?",
        explanation="И бюджет, и календарный план.",
        position=2,
    )
    Choice.objects.create(question=multiple, text="Бюджет", is_correct=True)
    Choice.objects.create(question=multiple, text="Календарный план", is_correct=True)
    Choice.objects.create(question=multiple, text="Фотография директора")
    Question.objects.create(
        quiz=quiz,
        kind=Question.Kind.SHORT,
        text="Сколько грантовых направлений у Фонда?",
        accepted_answers="13\nтринадцать",
        explanation="Тринадцать направлений.",
        position=3,
    )
    return lesson


def right_answers(lesson: Lesson) -> dict[str, object]:
    """What the quiz form sends when every answer is right."""
    data: dict[str, object] = {}
    for question in lesson.quiz.questions.all():
        if question.kind == Question.Kind.SHORT:
            data[f"q{question.pk}"] = question.accepted_answers.splitlines()[0]
        else:
            right = [c.pk for c in question.choices.all() if c.is_correct]
            data[f"q{question.pk}"] = right[0] if question.kind == "single" else right
    return data


def wrong_answers(lesson: Lesson) -> dict[str, object]:
    data: dict[str, object] = {}
    for question in lesson.quiz.questions.all():
        if question.kind == Question.Kind.SHORT:
            data[f"q{question.pk}"] = "семь"
        else:
            wrong = [c.pk for c in question.choices.all() if not c.is_correct]
            data[f"q{question.pk}"] = wrong[0] if question.kind == "single" else wrong
    return data


class EnrolmentFactory(factory.django.DjangoModelFactory[Enrolment]):
    class Meta:
        model = Enrolment

    course = factory.SubFactory(CourseFactory)


# --- the library and recordings ---------------------------------------------------------------
PDF_TEXT = [
    "Смета проекта составляется по статьям расходов Фонда президентских грантов.",
    "Оплата труда, командировки, офисные расходы, издательские и полиграфические услуги.",
    "Софинансирование подтверждается письмами партнёров и волонтёрскими часами.",
]


@functools.cache
def budget_pdf() -> bytes:
    """A real one-page PDF with Cyrillic text (made once per test process: WeasyPrint takes a moment)."""
    return sample_files.pdf_file("Методичка по составлению сметы проекта", PDF_TEXT)


def upload(name: str, content: bytes, content_type: str = "") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def material(
    actor: Any,
    *,
    name: str = "Смета.pdf",
    content: bytes | None = None,
    publish: bool = True,
    **fields: Any,
) -> Material:
    """A material uploaded through the service (its preview task runs when the caller's on-commit
    callbacks do), published unless publish=False."""
    made = services.material_create(
        actor=actor,
        upload=upload(name, budget_pdf() if content is None else content),
        title=fields.pop("title", "Методичка по составлению сметы"),
        kind=fields.pop("kind", Material.Kind.DOCUMENT),
        **fields,
    )
    if publish:
        services.material_set_status(actor=actor, material=made, status=Material.Status.PUBLISHED)
    return made


class MaterialFactory(factory.django.DjangoModelFactory[Material]):
    """A published text material written straight to the database (for lists of many)."""

    class Meta:
        model = Material

    title = factory.Sequence(lambda n: f"Шаблон договора пожертвования № {n}")
    kind = Material.Kind.TEMPLATE
    file = factory.django.FileField(filename="dogovor.txt", data="Договор пожертвования".encode())
    original_name = "Договор.txt"
    file_format = "txt"
    size = 40
    preview_status = Material.Preview.READY
    preview_text = "Договор пожертвования"
    search_text = " договор пожертвование "
    status = Material.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class RecordingFactory(factory.django.DjangoModelFactory[Recording]):
    class Meta:
        model = Recording

    title = factory.Sequence(lambda n: f"Вебинар: отчётность НКО, часть {n}")
    held_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=10))
    speakers = "Ирина Соколова (ресурсный центр)"
    minutes = 90
    embed_url = "https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef"
    status = Recording.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
