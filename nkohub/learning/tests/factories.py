import datetime as dt

import factory
from django.utils import timezone

from nkohub.learning import reference
from nkohub.learning.models import (
    Choice,
    Cohort,
    Course,
    Enrolment,
    Lesson,
    Module,
    Question,
    Quiz,
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
