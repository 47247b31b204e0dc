"""Authoring: courses, their cohorts, modules, lessons (with files and videos) and quizzes.

A published course stays editable. Lessons are never deleted once anyone has opened them: taking one out
archives it, and progress, kept per lesson, stays where it was."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError
from nkohub.core.storage import original_filename
from nkohub.learning.documents import check_material_file
from nkohub.learning.embeds import embed_address
from nkohub.learning.models import (
    Choice,
    Cohort,
    Course,
    Lesson,
    LessonFile,
    Module,
    Question,
    Quiz,
)

from ._shared import COURSE_FIELDS, LESSON_FIELDS, _full_clean, _next_position

MAX_LESSON_FILE_BYTES = 50 * 1024 * 1024


# --- courses ----------------------------------------------------------------------------------
@transaction.atomic
def course_create(*, actor: User, authors: Iterable[User] = (), **fields: Any) -> Course:
    course = Course(created_by=actor, **{k: fields[k] for k in COURSE_FIELDS if k in fields})
    _full_clean(course)
    course.save()
    course.authors.set(list(authors))
    audit_log(actor=actor, action="learning.course.create", obj=course)
    return course


@transaction.atomic
def course_update(
    *, actor: User, course: Course, authors: Iterable[User] | None = None, **fields: Any
) -> Course:
    before = Course.objects.get(pk=course.pk)
    for name in COURSE_FIELDS:
        if name in fields:
            setattr(course, name, fields[name])
    _full_clean(course)
    course.save()
    changes = diff_fields(before, course, list(COURSE_FIELDS))
    if authors is not None:
        old = sorted(a.display_name for a in before.authors.all())
        course.authors.set(list(authors))
        new = sorted(a.display_name for a in course.authors.all())
        if old != new:
            changes["authors"] = [", ".join(old), ", ".join(new)]
    if changes:
        audit_log(actor=actor, action="learning.course.update", obj=course, changes=changes)
    return course


def _publishing_problem(course: Course) -> str:
    lessons = Lesson.objects.filter(module__course=course, archived_at__isnull=True)
    if not lessons.exists():
        return _("Add at least one lesson before publishing the course.")
    empty = lessons.filter(kind=Lesson.Kind.QUIZ, quiz__questions__isnull=True).first()
    if empty is not None:
        return _("The quiz «%(lesson)s» has no questions yet.") % {"lesson": empty.title}
    if course.format == Course.Format.COHORT and not course.cohorts.exists():
        return _("A course with cohorts needs at least one cohort before it is published.")
    return ""


@transaction.atomic
def course_set_status(*, actor: User, course: Course, status: str) -> Course:
    if status not in Course.TRANSITIONS.get(course.status, ()):
        raise DomainError(_("The course cannot move to this status."))
    if status == Course.Status.PUBLISHED:
        problem = _publishing_problem(course)
        if problem:
            raise DomainError(problem)
        course.published_at = course.published_at or timezone.now()
    old = course.status
    course.status = status
    course.save(update_fields=["status", "published_at", "updated_at"])
    audit_log(
        actor=actor, action="learning.course.status", obj=course, changes={"status": [old, status]}
    )
    return course


@transaction.atomic
def cohort_create(*, actor: User, course: Course, **fields: Any) -> Cohort:
    cohort = Cohort(course=course, **fields)
    _full_clean(cohort)
    cohort.save()
    audit_log(
        actor=actor, action="learning.cohort.create", obj=course, changes={"cohort": str(cohort)}
    )
    return cohort


# --- modules and lessons ----------------------------------------------------------------------
@transaction.atomic
def module_create(*, actor: User, course: Course, title: str) -> Module:
    module = Module(course=course, title=title, position=_next_position(course.modules.all()))
    _full_clean(module)
    module.save()
    audit_log(actor=actor, action="learning.module.create", obj=course, changes={"module": title})
    return module


@transaction.atomic
def module_update(*, actor: User, module: Module, title: str, position: int) -> Module:
    old = module.title
    module.title, module.position = title, position
    _full_clean(module)
    module.save()
    audit_log(
        actor=actor,
        action="learning.module.update",
        obj=module.course,
        changes={"module": [old, title]},
    )
    return module


def _check_lesson(lesson: Lesson) -> None:
    if lesson.kind == Lesson.Kind.EMBED:
        address = embed_address(lesson.embed_url)
        if not address:
            raise DomainError(
                _("Paste a link to a video on VK Video or RuTube."), field="embed_url"
            )
        lesson.embed_url = address
    else:
        lesson.embed_url = ""
    if lesson.kind == Lesson.Kind.RECORDING:
        if lesson.recording is None:
            raise DomainError(_("Choose the webinar recording."), field="recording")
        if not lesson.recording.is_published:
            raise DomainError(_("The recording is not published yet."), field="recording")
    else:
        lesson.recording = None


def _store_video(lesson: Lesson, video: UploadedFile | None) -> None:
    if video is None:
        return
    name = original_filename(video.name, fallback="video.mp4")
    lesson.video.save(name, video, save=False)
    lesson.video_name = name
    lesson.video_type = (getattr(video, "content_type", "") or "video/mp4")[:60]


@transaction.atomic
def lesson_create(
    *, actor: User, module: Module, video: UploadedFile | None = None, **fields: Any
) -> Lesson:
    lesson = Lesson(module=module, **{k: fields[k] for k in LESSON_FIELDS if k in fields})
    if "position" not in fields:
        lesson.position = _next_position(module.lessons.all())
    _check_lesson(lesson)
    _store_video(lesson, video)
    if lesson.kind == Lesson.Kind.VIDEO and not lesson.video:
        raise DomainError(_("Upload the video file."), field="video")
    _full_clean(lesson)
    lesson.save()
    if lesson.kind == Lesson.Kind.QUIZ:
        Quiz.objects.create(lesson=lesson)
    audit_log(
        actor=actor,
        action="learning.lesson.create",
        obj=module.course,
        changes={"lesson": lesson.title},
    )
    return lesson


@transaction.atomic
def lesson_update(
    *, actor: User, lesson: Lesson, video: UploadedFile | None = None, **fields: Any
) -> Lesson:
    """Change a lesson in place: its progress and quiz attempts stay with it."""
    before = Lesson.objects.get(pk=lesson.pk)
    for name in LESSON_FIELDS:
        if name in fields:
            setattr(lesson, name, fields[name])
    changed_from_quiz = before.kind == Lesson.Kind.QUIZ and lesson.kind != Lesson.Kind.QUIZ
    if changed_from_quiz and before.quiz.attempts.exists():
        raise DomainError(_("People have answered this quiz: it stays a quiz."), field="kind")
    _check_lesson(lesson)
    _store_video(lesson, video)
    if lesson.kind == Lesson.Kind.VIDEO and not lesson.video:
        raise DomainError(_("Upload the video file."), field="video")
    _full_clean(lesson)
    lesson.save()
    if lesson.kind == Lesson.Kind.QUIZ:
        Quiz.objects.get_or_create(lesson=lesson)
    changes: dict[str, Any] = diff_fields(
        before, lesson, ["title", "kind", "embed_url", "minutes", "position"]
    )
    if before.recording_id != lesson.recording_id:
        changes["recording"] = [str(before.recording or ""), str(lesson.recording or "")]
    if before.body != lesson.body:
        changes["body"] = _("text changed")
    if changes:
        audit_log(actor=actor, action="learning.lesson.update", obj=lesson, changes=changes)
    return lesson


@transaction.atomic
def lesson_remove(*, actor: User, lesson: Lesson) -> bool:
    """Take a lesson out of its course: deleted when nobody has opened it and the course is a draft,
    archived otherwise. True when it was deleted."""
    course = lesson.module.course
    title = lesson.title
    if not course.is_published and not lesson.progress.exists():
        for item in lesson.files.all():
            item.file.delete(save=False)
        lesson.delete()
        audit_log(
            actor=actor, action="learning.lesson.delete", obj=course, changes={"lesson": title}
        )
        return True
    lesson.archived_at = timezone.now()
    lesson.save(update_fields=["archived_at", "updated_at"])
    audit_log(actor=actor, action="learning.lesson.archive", obj=course, changes={"lesson": title})
    return False


@transaction.atomic
def lesson_restore(*, actor: User, lesson: Lesson) -> Lesson:
    lesson.archived_at = None
    lesson.save(update_fields=["archived_at", "updated_at"])
    audit_log(
        actor=actor,
        action="learning.lesson.restore",
        obj=lesson.module.course,
        changes={"lesson": lesson.title},
    )
    return lesson


@transaction.atomic
def lesson_file_add(
    *, actor: User, lesson: Lesson, upload: UploadedFile, title: str = ""
) -> LessonFile:
    try:
        check_material_file(upload, max_bytes=MAX_LESSON_FILE_BYTES)
    except ValidationError as error:
        raise DomainError(error.messages[0], field="upload") from error
    name = original_filename(upload.name)
    item = LessonFile(lesson=lesson, original_name=name, size=upload.size or 0, title=title)
    item.file.save(name, upload, save=False)
    item.save()
    audit_log(actor=actor, action="learning.file.add", obj=lesson, changes={"file": name})
    return item


@transaction.atomic
def lesson_file_remove(*, actor: User, item: LessonFile) -> None:
    name, lesson = item.original_name, item.lesson
    storage, stored = item.file.storage, str(item.file.name)
    transaction.on_commit(lambda: storage.delete(stored))
    item.delete()
    audit_log(actor=actor, action="learning.file.remove", obj=lesson, changes={"file": name})


# --- quizzes ----------------------------------------------------------------------------------
@transaction.atomic
def quiz_update(*, actor: User, quiz: Quiz, pass_mark: int, max_attempts: int | None) -> Quiz:
    before = (quiz.pass_mark, quiz.max_attempts)
    quiz.pass_mark, quiz.max_attempts = pass_mark, max_attempts
    _full_clean(quiz)
    quiz.save()
    audit_log(
        actor=actor,
        action="learning.quiz.update",
        obj=quiz.lesson,
        changes={
            "pass_mark": [before[0], pass_mark],
            "max_attempts": [before[1], max_attempts],
        },
    )
    return quiz


@transaction.atomic
def question_create(
    *,
    actor: User,
    quiz: Quiz,
    kind: str,
    text: str,
    explanation: str = "",
    choices: list[tuple[str, bool]] | None = None,
    accepted_answers: str = "",
) -> Question:
    choices = choices or []
    question = Question(
        quiz=quiz,
        kind=kind,
        text=text,
        explanation=explanation,
        accepted_answers=accepted_answers if kind == Question.Kind.SHORT else "",
        position=_next_position(quiz.questions.all()),
    )
    _full_clean(question)
    if kind == Question.Kind.SHORT:
        if not question.accepted_answers.strip():
            raise DomainError(_("Write at least one accepted answer."), field="accepted_answers")
    else:
        right = sum(1 for _text, correct in choices if correct)
        if len(choices) < 2:
            raise DomainError(_("Give at least two answers to choose from."), field="choices")
        if right == 0:
            raise DomainError(_("Mark the right answer with * at the start."), field="choices")
        if kind == Question.Kind.SINGLE and right > 1:
            raise DomainError(
                _("A question with one right answer has exactly one answer marked with *."),
                field="choices",
            )
    question.save()
    Choice.objects.bulk_create(
        Choice(question=question, text=choice_text, is_correct=correct, position=index)
        for index, (choice_text, correct) in enumerate(choices if kind != "short" else [], 1)
    )
    audit_log(
        actor=actor, action="learning.question.create", obj=quiz.lesson, changes={"question": text}
    )
    return question


@transaction.atomic
def question_delete(*, actor: User, question: Question) -> None:
    if question.answers.exists():
        raise DomainError(_("People have answered this question: it cannot be deleted."))
    lesson, text = question.quiz.lesson, question.text
    question.delete()
    audit_log(
        actor=actor, action="learning.question.delete", obj=lesson, changes={"question": text}
    )
