"""Courses and their lessons, quizzes and attempts, enrolments, progress and certificates; the library of
materials and webinar recordings."""

from .courses import Cohort, Course, Lesson, LessonFile, Module, Topic
from .library import Material, MaterialTag
from .progress import Certificate, Enrolment, LessonProgress
from .quizzes import Answer, Attempt, Choice, Question, Quiz
from .recordings import Recording

__all__ = [
    "Answer",
    "Attempt",
    "Certificate",
    "Choice",
    "Cohort",
    "Course",
    "Enrolment",
    "Lesson",
    "LessonFile",
    "LessonProgress",
    "Material",
    "MaterialTag",
    "Module",
    "Question",
    "Quiz",
    "Recording",
    "Topic",
]
