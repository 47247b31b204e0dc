"""Authoring by operators and the course's authors: the course, its cohorts, modules, lessons, files
and quizzes, and publishing. A published course is edited in place; learners keep their progress."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nkohub.core.service_calls import perform, submit_form
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.learning import forms, permissions, selectors, services
from nkohub.learning.models import Course, Lesson

from ._shared import _course, _lesson


def _manage_url(course: Course) -> str:
    return reverse("learning:course_manage", args=[course.slug])


def _lesson_edit_url(course: Course, lesson: Lesson) -> str:
    return reverse("learning:lesson_edit", args=[course.slug, lesson.pk])


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def course_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    permissions.require(
        permissions.can_create_course(request.user)
        or permissions.refused(_("Only the resource centre's operators create courses."))
    )
    form = forms.CourseForm(request.POST or None, may_name_authors=True)

    def write(data: dict[str, Any]) -> Course:
        data.pop("authors", None)
        data.pop("author_email", None)
        return services.course_create(
            actor=request.user, authors=form.chosen_authors() or [], **data
        )

    course = submit_form(request, form, write, _("The course is created as a draft."))
    if course is not None:
        return redirect(_manage_url(course))
    return render(request, "learning/course_form.html", {"form": form, "course": None})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def course_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    course = _course(request.user, slug, edit=True)
    form = forms.CourseForm(
        request.POST or None,
        instance=course,
        may_name_authors=permissions.can_name_authors(request.user, course),
    )

    def write(data: dict[str, Any]) -> Course:
        data.pop("authors", None)
        data.pop("author_email", None)
        return services.course_update(
            actor=request.user, course=course, authors=form.chosen_authors(), **data
        )

    if submit_form(request, form, write, _("The course is saved.")):
        return redirect(_manage_url(course))
    return render(request, "learning/course_form.html", {"form": form, "course": course})


@login_required
@require_http_methods(["GET", "HEAD"])
def course_manage(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    course = _course(request.user, slug, edit=True, include_archived=True)
    context = {
        "course": course,
        "module_form": forms.ModuleForm(),
        "cohort_form": forms.CohortForm(),
        "status_actions": Course.TRANSITIONS[course.status],
    }
    return render(request, "learning/course_manage.html", context)


@login_required
@require_POST
def course_status(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    course = _course(request.user, slug, edit=True)
    permissions.require(permissions.can_publish_course(request.user, course))
    status = request.POST.get("status", "")
    perform(
        request,
        lambda: services.course_set_status(actor=request.user, course=course, status=status),
        _("The course is published.")
        if status == Course.Status.PUBLISHED
        else _("The course is back in drafts."),
    )
    return redirect(_manage_url(course))


@login_required
@require_POST
def module_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    course = _course(request.user, slug, edit=True)
    form = forms.ModuleForm(request.POST)
    submit_form(
        request,
        form,
        lambda data: services.module_create(actor=request.user, course=course, title=data["title"]),
        _("The module is added."),
    )
    return redirect(_manage_url(course))


@login_required
@require_POST
def cohort_create(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    course = _course(request.user, slug, edit=True)
    form = forms.CohortForm(request.POST)
    if submit_form(
        request,
        form,
        lambda data: services.cohort_create(actor=request.user, course=course, **data),
        _("The cohort is added."),
    ):
        return redirect(_manage_url(course))
    context = {
        "course": course,
        "module_form": forms.ModuleForm(),
        "cohort_form": form,
        "status_actions": Course.TRANSITIONS[course.status],
    }
    return render(request, "learning/course_manage.html", context, status=400)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def lesson_create(request: AuthenticatedHttpRequest, slug: str, module_pk: int) -> HttpResponse:
    course = _course(request.user, slug, edit=True)
    module = next((m for m in course.modules.all() if m.pk == module_pk), None)
    if module is None:
        raise Http404
    form = forms.LessonForm(request.POST or None, request.FILES or None)
    form.fields["position"].required = False

    def write(data: dict[str, Any]) -> Lesson:
        video = data.pop("video_upload", None)
        if not data.get("position"):
            data.pop("position", None)
        return services.lesson_create(actor=request.user, module=module, video=video, **data)

    lesson = submit_form(request, form, write, _("The lesson is added."))
    if lesson is not None:
        if lesson.kind in (Lesson.Kind.QUIZ, Lesson.Kind.FILES):
            return redirect(_lesson_edit_url(course, lesson))
        return redirect(_manage_url(course))
    context = {"course": course, "module": module, "form": form, "lesson": None}
    return render(request, "learning/lesson_form.html", context)


def _lesson_edit_context(course: Course, lesson: Lesson, **forms_given: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "course": course,
        "module": lesson.module,
        "lesson": lesson,
        "form": forms_given.get("form") or forms.LessonForm(instance=lesson),
        "file_form": forms_given.get("file_form") or forms.LessonFileForm(),
        "materials": selectors.materials_attached(lesson),
        "material_form": forms.LessonMaterialForm(materials=selectors.materials_attachable()),
    }
    if lesson.kind == Lesson.Kind.QUIZ:
        quiz = lesson.quiz
        context["quiz_form"] = forms_given.get("quiz_form") or forms.QuizSettingsForm(instance=quiz)
        context["question_form"] = forms_given.get("question_form") or forms.QuestionForm()
        context["questions"] = quiz.questions.prefetch_related("choices")
    return context


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def lesson_edit(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request.user, slug, edit=True, include_archived=True)
    lesson = _lesson(course, pk)
    form = forms.LessonForm(request.POST or None, request.FILES or None, instance=lesson)

    def write(data: dict[str, Any]) -> Lesson:
        video = data.pop("video_upload", None)
        return services.lesson_update(actor=request.user, lesson=lesson, video=video, **data)

    if submit_form(request, form, write, _("The lesson is saved.")):
        return redirect(_lesson_edit_url(course, lesson))
    if request.method == "POST":
        lesson.refresh_from_db()
    return render(
        request, "learning/lesson_edit.html", _lesson_edit_context(course, lesson, form=form)
    )


@login_required
@require_POST
def lesson_remove(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request.user, slug, edit=True, include_archived=True)
    lesson = _lesson(course, pk)
    if request.POST.get("restore"):
        perform(
            request,
            lambda: services.lesson_restore(actor=request.user, lesson=lesson),
            _("The lesson is back in the course."),
        )
    else:
        perform(
            request,
            lambda: services.lesson_remove(actor=request.user, lesson=lesson),
            _("The lesson is taken out of the course; learners' progress in it is kept."),
        )
    return redirect(_manage_url(course))


@login_required
@require_POST
def lesson_file_add(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    course = _course(request.user, slug, edit=True, include_archived=True)
    lesson = _lesson(course, pk)
    form = forms.LessonFileForm(request.POST, request.FILES)
    if submit_form(
        request,
        form,
        lambda data: services.lesson_file_add(
            actor=request.user, lesson=lesson, upload=data["upload"], title=data["title"]
        ),
        _("The file is added."),
    ):
        return redirect(_lesson_edit_url(course, lesson))
    context = _lesson_edit_context(course, lesson, file_form=form)
    return render(request, "learning/lesson_edit.html", context, status=400)


@login_required
@require_POST
def lesson_file_remove(
    request: AuthenticatedHttpRequest, slug: str, pk: int, file_pk: int
) -> HttpResponse:
    course = _course(request.user, slug, edit=True, include_archived=True)
    lesson = _lesson(course, pk)
    item = next((f for f in lesson.files.all() if f.pk == file_pk), None)
    if item is None:
        raise Http404
    perform(
        request,
        lambda: services.lesson_file_remove(actor=request.user, item=item),
        _("The file is removed."),
    )
    return redirect(_lesson_edit_url(course, lesson))


def _quiz_lesson(request: AuthenticatedHttpRequest, slug: str, pk: int) -> tuple[Course, Lesson]:
    course = _course(request.user, slug, edit=True, include_archived=True)
    lesson = _lesson(course, pk)
    if lesson.kind != Lesson.Kind.QUIZ:
        raise Http404
    return course, lesson


@login_required
@require_POST
def quiz_settings(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    course, lesson = _quiz_lesson(request, slug, pk)
    form = forms.QuizSettingsForm(request.POST, instance=lesson.quiz)
    if submit_form(
        request,
        form,
        lambda data: services.quiz_update(actor=request.user, quiz=lesson.quiz, **data),
        _("The quiz settings are saved."),
    ):
        return redirect(_lesson_edit_url(course, lesson))
    context = _lesson_edit_context(course, lesson, quiz_form=form)
    return render(request, "learning/lesson_edit.html", context, status=400)


@login_required
@require_POST
def question_create(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    course, lesson = _quiz_lesson(request, slug, pk)
    form = forms.QuestionForm(request.POST)

    def write(data: dict[str, Any]) -> Any:
        return services.question_create(
            actor=request.user,
            quiz=lesson.quiz,
            kind=data["kind"],
            text=data["text"],
            explanation=data["explanation"],
            choices=form.parsed_choices(),
            accepted_answers=data["accepted_answers"],
        )

    if submit_form(request, form, write, _("The question is added.")):
        return redirect(_lesson_edit_url(course, lesson) + "#questions")
    context = _lesson_edit_context(course, lesson, question_form=form)
    return render(request, "learning/lesson_edit.html", context, status=400)


@login_required
@require_POST
def question_delete(
    request: AuthenticatedHttpRequest, slug: str, pk: int, question_pk: int
) -> HttpResponse:
    course, lesson = _quiz_lesson(request, slug, pk)
    question = lesson.quiz.questions.filter(pk=question_pk).first()
    if question is None:
        raise Http404
    perform(
        request,
        lambda: services.question_delete(actor=request.user, question=question),
        _("The question is deleted."),
    )
    return redirect(_lesson_edit_url(course, lesson) + "#questions")
