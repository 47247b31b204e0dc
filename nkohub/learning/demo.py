"""Demo courses (nkohub.learning.demo_courses) built through the services, and learners at three
stages: the NGO editor halfway through the grants course sharing progress with the NGO, a member who
completed the media course (with a certificate), and a member who has just enrolled; then the library
and the webinar recordings (nkohub.learning.demo_library)."""

import uuid
from typing import Any

from nkohub.core.demo_context import DemoContext
from nkohub.learning import demo_library, services
from nkohub.learning.demo_courses import COURSES
from nkohub.learning.models import Course, Enrolment, Lesson
from nkohub.learning.reference import topic


def _build(ctx: DemoContext, spec: dict[str, Any]) -> Course:
    course = Course.objects.filter(slug=spec["slug"]).first()
    if course is not None:
        return course
    operator = ctx.users["operator"]
    authors = [ctx.users["expert"]] if "expert" in ctx.users else []
    course = services.course_create(
        actor=operator,
        authors=authors,
        title=spec["title"],
        slug=spec["slug"],
        topic=topic(spec["topic"]),
        summary=spec["summary"],
        description=spec["description"],
        audience=spec["audience"],
        format=Course.Format.SELF_PACED,
        hours=spec["hours"],
    )
    Course.objects.filter(pk=course.pk).update(is_demo=True)
    for module_spec in spec["modules"]:
        module = services.module_create(actor=operator, course=course, title=module_spec["title"])
        for lesson_spec in module_spec["lessons"]:
            kind = lesson_spec.get("kind", Lesson.Kind.TEXT)
            lesson = services.lesson_create(
                actor=operator,
                module=module,
                title=lesson_spec["title"],
                kind=kind,
                body=lesson_spec.get("body", ""),
                minutes=lesson_spec["minutes"],
            )
            if kind == Lesson.Kind.QUIZ:
                services.quiz_update(
                    actor=operator,
                    quiz=lesson.quiz,
                    pass_mark=lesson_spec["pass_mark"],
                    max_attempts=lesson_spec["max_attempts"],
                )
                for question in lesson_spec["questions"]:
                    services.question_create(
                        actor=operator,
                        quiz=lesson.quiz,
                        kind=question["kind"],
                        text=question["text"],
                        explanation=question.get("explanation", ""),
                        choices=question.get("choices"),
                        accepted_answers=question.get("accepted", ""),
                    )
    services.course_set_status(actor=operator, course=course, status=Course.Status.PUBLISHED)
    return course


def _lessons(course: Course) -> list[Lesson]:
    return list(
        Lesson.objects.filter(module__course=course, archived_at__isnull=True)
        .select_related("module")
        .order_by("module__position", "module__pk", "position", "pk")
    )


def _pass_quiz(person: Any, enrolment: Enrolment, lesson: Lesson) -> None:
    responses: dict[int, list[int] | str] = {}
    for question in lesson.quiz.questions.prefetch_related("choices"):
        if question.kind == "short":
            responses[question.pk] = question.accepted_answers.splitlines()[0]
        else:
            responses[question.pk] = [c.pk for c in question.choices.all() if c.is_correct]
    services.attempt_submit(
        actor=person, enrolment=enrolment, quiz=lesson.quiz, token=uuid.uuid4(), responses=responses
    )


def _learner(person: Any, course: Course, *, done: int | None, share_with: Any = None) -> Enrolment:
    """Enrol `person` and complete the first `done` lessons (None: all, the quiz passed)."""
    enrolment = Enrolment.objects.filter(user=person, course=course).first()
    if enrolment is not None:
        return enrolment
    enrolment = services.enrolment_create(actor=person, course=course, share_with=share_with)
    lessons = _lessons(course)
    for lesson in lessons if done is None else lessons[:done]:
        if lesson.kind == Lesson.Kind.QUIZ:
            _pass_quiz(person, enrolment, lesson)
        else:
            services.lesson_open(enrolment=enrolment, lesson=lesson)
            services.lesson_complete(actor=person, enrolment=enrolment, lesson=lesson)
    return enrolment


def load(ctx: DemoContext) -> None:
    courses = {spec["slug"]: _build(ctx, spec) for spec in COURSES}
    users, organizations = ctx.users, ctx.organizations
    if "ngo_editor" in users:
        _learner(
            users["ngo_editor"],
            courses["pfg-application"],
            done=2,
            share_with=organizations.get("ngo"),
        )
    if "member" in users:
        _learner(users["member"], courses["nko-media"], done=None)
        _learner(users["member"], courses["nko-accounting-basics"], done=0)
    demo_library.load(ctx)
