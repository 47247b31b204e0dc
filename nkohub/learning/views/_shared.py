"""What learning's views share: fetching a course or lesson with rights checked, running a service."""

from typing import Any

from django.http import Http404

from nkohub.learning import permissions, selectors
from nkohub.learning.models import Course, Lesson


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
