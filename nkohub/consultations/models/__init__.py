"""Experts and competences, questions with their threads and files, the knowledge base, slots."""

from .experts import DEFAULT_ANSWER_DAYS, Competence, Expert
from .knowledge import Article
from .questions import Message, Question, QuestionFile
from .slots import Slot

__all__ = [
    "DEFAULT_ANSWER_DAYS",
    "Article",
    "Competence",
    "Expert",
    "Message",
    "Question",
    "QuestionFile",
    "Slot",
]
