"""Every non-trivial read of learning: the catalogue, a course's outline with the learner's place in it,
a lesson, a quiz with the learner's attempts, staff progress and certificates. Each returns what its
page needs in a fixed number of queries, however many modules, lessons, learners and attempts there are."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from nkohub.learning.models import (
    Attempt,
    Certificate,
    Cohort,
    Course,
    Enrolment,
    Lesson,
    LessonProgress,
    Module,
    Question,
    Topic,
)
from nkohub.learning.models.progress import normalise_code
from nkohub.organizations import search
from nkohub.organizations.models import Organization

SEARCH_FIELDS = ("title", "summary", "audience", "description")


def topics() -> QuerySet[Topic]:
    return Topic.objects.all()


def catalogue(*, topic: Topic | None = None, format: str = "", q: str = "") -> QuerySet[Course]:
    courses = (
        Course.objects.filter(status=Course.Status.PUBLISHED)
        .select_related("topic")
        .annotate(
            lesson_count=Count("modules__lessons", filter=Q(modules__lessons__archived_at=None))
        )
        .order_by("-published_at", "title")
    )
    if topic is not None:
        courses = courses.filter(topic=topic)
    if format:
        courses = courses.filter(format=format)
    if q:
        courses = courses.filter(search.word_forms_condition(SEARCH_FIELDS, q))
    return courses


def catalogue_suggestion(query: str) -> str:
    """«Возможно, вы имели в виду …»: from the words of the published courses only."""
    vocabulary = search.vocabulary_for(
        "learning.courses", Course.objects.filter(status=Course.Status.PUBLISHED), SEARCH_FIELDS
    )
    return search.suggestion(query, vocabulary)


def _outline(*, include_archived: bool) -> Prefetch[Any]:
    lessons = Lesson.objects.order_by("position", "pk")
    if not include_archived:
        lessons = lessons.filter(archived_at__isnull=True)
    return Prefetch(
        "modules", queryset=Module.objects.prefetch_related(Prefetch("lessons", lessons))
    )


def course_by_slug(slug: str, *, include_archived: bool = False) -> Course | None:
    """The course with its topic, authors, cohorts and outline (modules and their lessons)."""
    return (
        Course.objects.select_related("topic")
        .prefetch_related(
            "authors",
            Prefetch("cohorts", Cohort.objects.order_by("starts_on", "pk")),
            _outline(include_archived=include_archived),
        )
        .filter(slug=slug)
        .first()
    )


def enrolment_of(user: Any, course: Course) -> Enrolment | None:
    if not (user and user.is_authenticated):
        return None
    return (
        Enrolment.objects.select_related("cohort", "shared_with")
        .filter(user=user, course=course)
        .first()
    )


@dataclass
class Place:
    """Where a learner is in a course: what is done, what to open next."""

    lessons: list[Lesson]
    done: set[int] = field(default_factory=set)
    continue_with: Lesson | None = None

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def completed(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.pk in self.done)

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.total) if self.total else 0

    def neighbours(self, lesson: Lesson) -> tuple[Lesson | None, Lesson | None]:
        ids = [item.pk for item in self.lessons]
        if lesson.pk not in ids:
            return None, None
        index = ids.index(lesson.pk)
        before = self.lessons[index - 1] if index > 0 else None
        after = self.lessons[index + 1] if index + 1 < len(self.lessons) else None
        return before, after


def place_in(course: Course, enrolment: Enrolment | None) -> Place:
    """From the prefetched outline and one query for the learner's completed lessons."""
    lessons = [lesson for module in course.modules.all() for lesson in module.lessons.all()]
    place = Place(lessons=lessons)
    if enrolment is None:
        return place
    place.done = set(
        LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
            "lesson_id", flat=True
        )
    )
    ids = [lesson.pk for lesson in lessons]
    last = enrolment.last_lesson_id
    if last in ids and last not in place.done:
        place.continue_with = lessons[ids.index(last)]
    else:
        # the first lesson not done after the last one opened, else the first not done at all
        start = ids.index(last) if last in ids else 0
        ordered = lessons[start:] + lessons[:start]
        place.continue_with = next((item for item in ordered if item.pk not in place.done), None)
    return place


def lesson_in(course: Course, pk: int) -> Lesson | None:
    """A lesson of the course (archived ones too; rights decide who sees them), with its files and quiz."""
    return (
        Lesson.objects.select_related("module__course", "recording")
        .prefetch_related("files")
        .filter(pk=pk, module__course=course)
        .first()
    )


def quiz_questions(lesson: Lesson) -> list[Question]:
    return list(
        Question.objects.filter(quiz__lesson=lesson)
        .prefetch_related("choices")
        .order_by("position", "pk")
    )


def attempts_of(user: Any, lesson: Lesson) -> list[Attempt]:
    if not (user and user.is_authenticated):
        return []
    return list(Attempt.objects.filter(quiz__lesson=lesson, user=user).order_by("-number")[:50])


def attempt_count(user: Any, lesson: Lesson) -> int:
    if not (user and user.is_authenticated):
        return 0
    return Attempt.objects.filter(quiz__lesson=lesson, user=user).count()


def attempt_with_answers(attempt_pk: int, user: Any) -> Attempt | None:
    return (
        Attempt.objects.select_related("quiz__lesson")
        .prefetch_related("answers__choices")
        .filter(pk=attempt_pk, user=user)
        .first()
    )


def my_enrolments(user: Any) -> QuerySet[Enrolment]:
    active = Q(course__modules__lessons__archived_at=None)
    return (
        Enrolment.objects.filter(user=user)
        .select_related("course__topic", "cohort", "last_lesson")
        .annotate(
            lesson_total=Count("course__modules__lessons", filter=active, distinct=True),
            lessons_done=Count(
                "progress",
                filter=Q(progress__completed_at__isnull=False, progress__lesson__archived_at=None),
                distinct=True,
            ),
        )
        .prefetch_related(Prefetch("certificate", Certificate.objects.all()))
        .order_by("-enrolled_at")
    )


def courses_edited_by(user: Any, *, everything: bool) -> QuerySet[Course]:
    courses = Course.objects.select_related("topic").order_by("status", "title")
    return courses if everything else courses.filter(authors=user)


def staff_progress(organization: Organization) -> QuerySet[Enrolment]:
    """Enrolments whose learners consented to show their progress to this organisation and are still
    its members; nobody else's."""
    return (
        Enrolment.objects.filter(
            shares_progress=True,
            shared_with=organization,
            user__memberships__organization=organization,
        )
        .select_related("user", "course", "cohort")
        .annotate(
            lesson_total=Count(
                "course__modules__lessons",
                filter=Q(course__modules__lessons__archived_at=None),
                distinct=True,
            ),
            lessons_done=Count(
                "progress",
                filter=Q(progress__completed_at__isnull=False, progress__lesson__archived_at=None),
                distinct=True,
            ),
        )
        .order_by("user__full_name", "user__email", "course__title")
    )


def organizations_of(user: Any) -> QuerySet[Organization]:
    if not (user and user.is_authenticated):
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user).order_by("short_name", "full_name")


def certificate_by_code(code: str) -> Certificate | None:
    canonical = normalise_code(code)
    if not canonical:
        return None
    return Certificate.objects.select_related("enrolment").filter(code=canonical).first()


def cabinet_summary(user: Any) -> dict[str, Any] | None:
    counts = Enrolment.objects.filter(user=user).aggregate(
        active=Count("pk", filter=Q(completed_at__isnull=True)),
        completed=Count("pk", filter=Q(completed_at__isnull=False)),
    )
    return {"active": counts["active"], "completed": counts["completed"]}
