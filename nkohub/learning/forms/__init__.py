"""Forms of learning: courses and their authoring (`courses`), the library of materials (`library`),
webinar recordings (`recordings`)."""

from .courses import (
    MAX_FILE_BYTES,
    MAX_VIDEO_BYTES,
    VIDEO_TYPES,
    CatalogueFilterForm,
    CertificateLookupForm,
    CohortForm,
    CourseForm,
    EnrolForm,
    LessonFileForm,
    LessonForm,
    ModuleForm,
    QuestionForm,
    QuizForm,
    QuizSettingsForm,
    RevokeForm,
    SharingForm,
)
from .library import LessonMaterialForm, LibraryFilterForm, MaterialForm
from .recordings import RecordingFilterForm, RecordingForm

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_VIDEO_BYTES",
    "VIDEO_TYPES",
    "CatalogueFilterForm",
    "CertificateLookupForm",
    "CohortForm",
    "CourseForm",
    "EnrolForm",
    "LessonFileForm",
    "LessonForm",
    "LessonMaterialForm",
    "LibraryFilterForm",
    "MaterialForm",
    "ModuleForm",
    "QuestionForm",
    "QuizForm",
    "QuizSettingsForm",
    "RecordingFilterForm",
    "RecordingForm",
    "RevokeForm",
    "SharingForm",
]
