"""What learning's views share: fetching a course or lesson with rights checked, running a service."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest

from nkohub.core.errors import DomainError, add_domain_error
from nkohub.learning import permissions, selectors
from nkohub.learning.models import Course, Lesson


def _submit(
    request: HttpRequest, form: Any, write: Callable[[dict[str, Any]], Any], success: str
) -> Any:
    """On a valid POST run `write` (one service call): its result, or None when the form is not sent,
    not valid, or the service refused (the reason is then shown on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = write(dict(form.cleaned_data))
    except DomainError as error:
        add_domain_error(form, error)
        return None
    messages.success(request, success)
    return result


def _perform(request: HttpRequest, write: Callable[[], Any], success: str) -> bool:
    try:
        write()
    except DomainError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True


def _course(user: Any, slug: str, *, edit: bool = False, include_archived: bool = False) -> Course:
    """The course for its page: a draft is 404 to those who may not edit it; editing needs the right."""
    course = selectors.course_by_slug(slug, include_archived=include_archived)
    if course is None or not permissions.can_view_course(user, course):
        raise Http404
    if edit:
        permissions.require(permissions.can_edit_course(user, course))
    return course


def _lesson(course: Course, pk: int) -> Lesson:
    lesson = selectors.lesson_in(course, pk)
    if lesson is None:
        raise Http404
    return lesson
