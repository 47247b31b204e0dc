"""Courses and their lessons, quizzes and attempts, enrolments, progress and certificates."""

from .courses import Cohort, Course, Lesson, LessonFile, Module, Topic
from .progress import Certificate, Enrolment, LessonProgress
from .quizzes import Answer, Attempt, Choice, Question, Quiz

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
    "Module",
    "Question",
    "Quiz",
    "Topic",
]
