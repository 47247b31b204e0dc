"""Every write of learning: authoring, enrolment and progress, quizzes, certificates, the library of
materials, webinar recordings."""

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
from .library import (
    lesson_material_attach,
    lesson_material_detach,
    material_create,
    material_download_count,
    material_preview_make,
    material_set_status,
    material_update,
    parse_tags,
)
from .quizzes import Submitted, attempt_submit, attempts_left
from .recordings import recording_create, recording_set_status, recording_update

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
    "lesson_material_attach",
    "lesson_material_detach",
    "lesson_open",
    "lesson_remove",
    "lesson_restore",
    "lesson_update",
    "material_create",
    "material_download_count",
    "material_preview_make",
    "material_set_status",
    "material_update",
    "module_create",
    "module_update",
    "parse_tags",
    "question_create",
    "question_delete",
    "quiz_update",
    "recording_create",
    "recording_set_status",
    "recording_update",
]
