"""Who may do what in learning. The only place these rights are decided.

Operators manage courses and topics and name a course's authors (experts), who then build it with them.
Members enrol in published courses; a lesson is open to its learners and its authors; an organisation's
owners see the progress of those of its members who consented to share it.
The library and the recordings are contributed by operators and by the experts named as authors of a
course; each stays a draft, seen only by its uploader and the operators, until it is published.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from nkohub.core.permissions import ALLOWED, Decision, is_operator, refused, require
from nkohub.learning.models import (
    Certificate,
    Cohort,
    Course,
    Enrolment,
    Lesson,
    Material,
    Recording,
)
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.permissions import membership_role

__all__ = ["refused", "require"]


def _signed_in(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


# --- courses ----------------------------------------------------------------------------------
def can_create_course(user: Any) -> bool:
    return is_operator(user)


def is_author(user: Any, course: Course) -> bool:
    """Among the course's authors (`course.authors` prefetched on pages, so no query per check)."""
    if not _signed_in(user):
        return False
    return any(author.pk == user.pk for author in course.authors.all())


def can_edit_course(user: Any, course: Course) -> bool:
    return is_operator(user) or is_author(user, course)


def can_name_authors(user: Any, course: Course) -> bool:
    return is_operator(user)


def can_publish_course(user: Any, course: Course) -> bool:
    return can_edit_course(user, course)


def can_view_course(user: Any, course: Course) -> bool:
    return course.is_published or can_edit_course(user, course)


def can_enrol(user: Any, course: Course, enrolment: Enrolment | None) -> Decision:
    if not _signed_in(user):
        return refused(_("Log in to enrol in the course."))
    if not course.is_published:
        return refused(_("The course is not published yet."))
    if enrolment is not None:
        return refused(_("You are already enrolled in this course."))
    return ALLOWED


def can_enrol_in_cohort(cohort: Cohort, today: Any) -> Decision:
    if cohort.ends_on < today:
        return refused(_("This cohort has already finished."))
    if cohort.seats_left <= 0:
        return refused(_("There are no seats left in this cohort."))
    return ALLOWED


# --- lessons ----------------------------------------------------------------------------------
def can_view_lesson(user: Any, lesson: Lesson, enrolment: Enrolment | None) -> Decision:
    """Learners of the course and its authors; an archived lesson only to the authors."""
    course = lesson.module.course
    if can_edit_course(user, course):
        return ALLOWED
    if not course.is_published or lesson.archived_at is not None:
        return refused(_("This lesson is not part of the course."))
    if enrolment is None:
        return refused(_("Enrol in the course to open its lessons."))
    return ALLOWED


def can_study(user: Any, enrolment: Enrolment | None) -> bool:
    """Mark lessons done and answer quizzes: one's own enrolment only."""
    return _signed_in(user) and enrolment is not None and enrolment.user_id == user.pk


def can_change_sharing(user: Any, enrolment: Enrolment) -> bool:
    return _signed_in(user) and enrolment.user_id == user.pk


def can_share_with(user: Any, organization: Organization) -> bool:
    """Progress may be shown to an organisation the learner is a member of."""
    return _signed_in(user) and membership_role(user, organization) is not None


# --- certificates -----------------------------------------------------------------------------
def can_download_certificate(user: Any, certificate: Certificate) -> bool:
    if not _signed_in(user):
        return False
    return certificate.enrolment.user_id == user.pk or is_operator(user)


def can_revoke_certificate(user: Any) -> bool:
    return is_operator(user)


# --- an organisation's staff ------------------------------------------------------------------
def can_view_staff_progress(user: Any, organization: Organization) -> bool:
    return is_operator(user) or membership_role(user, organization) == Membership.Role.OWNER


# --- the library and webinar recordings -------------------------------------------------------
def can_contribute(user: Any) -> bool:
    """Upload materials and recordings: operators, and experts named as authors of any course."""
    if not _signed_in(user):
        return False
    return is_operator(user) or Course.objects.filter(authors=user).exists()


def can_edit_material(user: Any, material: Material) -> bool:
    if not _signed_in(user):
        return False
    return is_operator(user) or material.created_by_id == user.pk


def can_view_material(user: Any, material: Material) -> bool:
    """A published material is public (its page and its file); a draft only to those who edit it."""
    return material.is_published or can_edit_material(user, material)


def can_edit_recording(user: Any, recording: Recording) -> bool:
    if not _signed_in(user):
        return False
    return is_operator(user) or recording.created_by_id == user.pk


def can_view_recording(user: Any, recording: Recording) -> bool:
    return recording.is_published or can_edit_recording(user, recording)
