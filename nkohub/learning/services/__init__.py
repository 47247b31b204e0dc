"""Every write of learning: authoring, enrolment and progress, quizzes, certificates."""

from .certificates import certificate_issue, certificate_revoke
from .courses import (
    cohort_create,
    course_create,
    course_set_status,
    course_update,
    lesson_create,
    lesson_file_add,
    lesson_file_remove,
    lesson_remove,
    lesson_restore,
    lesson_update,
    module_create,
    module_update,
    question_create,
    question_delete,
    quiz_update,
)
from .enrolments import enrolment_create, enrolment_set_sharing, lesson_complete, lesson_open
from .quizzes import Submitted, attempt_submit, attempts_left

__all__ = [
    "Submitted",
    "attempt_submit",
    "attempts_left",
    "certificate_issue",
    "certificate_revoke",
    "cohort_create",
    "course_create",
    "course_set_status",
    "course_update",
    "enrolment_create",
    "enrolment_set_sharing",
    "lesson_complete",
    "lesson_create",
    "lesson_file_add",
    "lesson_file_remove",
    "lesson_open",
    "lesson_remove",
    "lesson_restore",
    "lesson_update",
    "module_create",
    "module_update",
    "question_create",
    "question_delete",
    "quiz_update",
]
