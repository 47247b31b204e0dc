"""A lesson: its text, video (served with range requests), embed, files or quiz; marking it done;
answering the quiz and seeing the feedback of an attempt."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.core.errors import DomainError
from nkohub.core.service_calls import perform
from nkohub.core.serving import user_file_response
from nkohub.core.storage import original_filename
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.learning import forms, permissions, selectors, services
from nkohub.learning.models import Lesson
from nkohub.learning.ranges import ranged_response

from ._shared import _course, _lesson


def _open(request: HttpRequest, slug: str, pk: int) -> tuple:
    """The course, the lesson and the person's enrolment, after checking they may see it."""
    course = _course(request.user, slug, include_archived=True)
    lesson = _lesson(course, pk)
    enrolment = selectors.enrolment_of(request.user, course)
    decision = permissions.can_view_lesson(request.user, lesson, enrolment)
    permissions.require(decision, hide=lesson.archived_at is not None)
    return course, lesson, enrolment


@login_required
@require_safe
def lesson_detail(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    course, lesson, enrolment = _open(request, slug, pk)
    if enrolment is not None and permissions.can_study(request.user, enrolment):
        services.lesson_open(enrolment=enrolment, lesson=lesson)
    place = selectors.place_in(course, enrolment)
    previous, following = place.neighbours(lesson)
    context = {
        "course": course,
        "lesson": lesson,
        "enrolment": enrolment,
        "place": place,
        "previous": previous,
        "following": following,
        "done": lesson.pk in place.done,
        "can_edit": permissions.can_edit_course(request.user, course),
        "materials": selectors.materials_of_lesson(lesson),
        "recording_visible": lesson.recording is not None
        and permissions.can_view_recording(request.user, lesson.recording),
    }
    if lesson.kind == Lesson.Kind.QUIZ:
        context.update(_quiz_context(request, lesson, enrolment))
    return render(request, "learning/lesson_detail.html", context)


def _quiz_context(request: AuthenticatedHttpRequest, lesson: Lesson, enrolment: object) -> dict:
    quiz = lesson.quiz
    questions = selectors.quiz_questions(lesson)
    attempts = selectors.attempts_of(request.user, lesson)
    shown = None
    wanted = request.GET.get("attempt", "")
    if wanted.isdigit():
        shown = selectors.attempt_with_answers(int(wanted), request.user)
        if shown is not None and shown.quiz_id != quiz.pk:
            shown = None
    passed = any(attempt.passed for attempt in attempts)
    left = services.attempts_left(quiz, len(attempts))
    form = forms.QuizForm(initial={"token": uuid.uuid4()}, questions=questions)
    feedback = []
    if shown is not None:
        answers = {answer.question_id: answer for answer in shown.answers.all()}
        for question in questions:
            answer = answers.get(question.pk)
            chosen = {choice.pk for choice in answer.choices.all()} if answer else set()
            feedback.append(
                {
                    "question": question,
                    "answer": answer,
                    "chosen": [c for c in question.choices.all() if c.pk in chosen],
                }
            )
    return {
        "quiz": quiz,
        "questions": questions,
        "attempts": attempts,
        "shown": shown,
        "feedback": feedback,
        "passed": passed,
        "attempts_left": left,
        "may_answer": enrolment is not None and not passed and left != 0,
        "form": form,
    }


@login_required
@require_POST
def lesson_done(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    course, lesson, enrolment = _open(request, slug, pk)
    permissions.require(
        permissions.can_study(request.user, enrolment)
        or permissions.refused(_("Enrol in the course to mark its lessons."))
    )
    assert enrolment is not None
    perform(
        request,
        lambda: services.lesson_complete(actor=request.user, enrolment=enrolment, lesson=lesson),
        _("The lesson is marked as done."),
    )
    enrolment.refresh_from_db(fields=["completed_at"])
    if enrolment.completed_at is not None:
        messages.success(request, _("You have completed the course. Your certificate is ready."))
        return redirect(course)
    place = selectors.place_in(course, enrolment)
    _previous, following = place.neighbours(lesson)
    if following is not None:
        return redirect("learning:lesson", slug=course.slug, pk=following.pk)
    return redirect(course)


@login_required
@require_POST
def quiz_submit(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    course, lesson, enrolment = _open(request, slug, pk)
    if lesson.kind != Lesson.Kind.QUIZ:
        raise Http404
    permissions.require(
        permissions.can_study(request.user, enrolment)
        or permissions.refused(_("Enrol in the course to answer its quizzes."))
    )
    form = forms.QuizForm(request.POST, questions=selectors.quiz_questions(lesson))
    url = reverse("learning:lesson", args=[course.slug, lesson.pk])
    if not form.is_valid():
        messages.error(request, _("The answers could not be read; please answer again."))
        return redirect(url)
    try:
        submitted = services.attempt_submit(
            actor=request.user,
            enrolment=enrolment,
            quiz=lesson.quiz,
            token=form.cleaned_data["token"],
            responses=form.responses(),
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(url)
    attempt = submitted.attempt
    if attempt.passed:
        messages.success(
            request,
            _("Passed: %(score)s%% right (%(mark)s%% needed).")
            % {"score": attempt.score, "mark": lesson.quiz.pass_mark},
        )
    else:
        messages.warning(
            request,
            _("Not passed yet: %(score)s%% right, %(mark)s%% needed. See what to revise below.")
            % {"score": attempt.score, "mark": lesson.quiz.pass_mark},
        )
    return redirect(f"{url}?attempt={attempt.pk}#feedback")


@login_required
@require_safe
def lesson_video(
    request: AuthenticatedHttpRequest, slug: str, pk: int
) -> HttpResponse | StreamingHttpResponse:
    _c, lesson, _e = _open(request, slug, pk)
    if lesson.kind != Lesson.Kind.VIDEO or not lesson.video:
        raise Http404
    storage = lesson.video.storage
    try:
        size = storage.size(lesson.video.name)
        handle = storage.open(lesson.video.name, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return ranged_response(
        request, handle, size=size, content_type=lesson.video_type or "video/mp4"
    )


@login_required
@require_safe
def lesson_file(
    request: AuthenticatedHttpRequest, slug: str, pk: int, file_pk: int
) -> FileResponse:
    _c, lesson, _e = _open(request, slug, pk)
    item = next((f for f in lesson.files.all() if f.pk == file_pk), None)
    if item is None:
        raise Http404
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return user_file_response(handle, filename=original_filename(item.original_name))
