"""Learning's pages: the catalogue and courses, lessons and quizzes, certificates, authoring, staff."""

from .authoring import (
    cohort_create,
    course_create,
    course_edit,
    course_manage,
    course_status,
    lesson_create,
    lesson_edit,
    lesson_file_add,
    lesson_file_remove,
    lesson_remove,
    module_create,
    question_create,
    question_delete,
    quiz_settings,
)
from .catalogue import continue_course, course_detail, enrol, index, mine, sharing
from .certificates import (
    certificate_download,
    certificate_lookup,
    certificate_revoke,
    certificate_verify,
)
from .lessons import lesson_detail, lesson_done, lesson_file, lesson_video, quiz_submit
from .staff import staff_progress

__all__ = [
    "certificate_download",
    "certificate_lookup",
    "certificate_revoke",
    "certificate_verify",
    "cohort_create",
    "continue_course",
    "course_create",
    "course_detail",
    "course_edit",
    "course_manage",
    "course_status",
    "enrol",
    "index",
    "lesson_create",
    "lesson_detail",
    "lesson_done",
    "lesson_edit",
    "lesson_file",
    "lesson_file_add",
    "lesson_file_remove",
    "lesson_remove",
    "lesson_video",
    "mine",
    "module_create",
    "question_create",
    "question_delete",
    "quiz_settings",
    "quiz_submit",
    "sharing",
    "staff_progress",
]
