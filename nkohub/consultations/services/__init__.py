"""Every write of consultations: experts, questions, the knowledge base, slots."""

from ._shared import due_date
from .experts import expert_create, expert_update
from .knowledge import article_from_question, article_update
from .questions import (
    question_answer,
    question_ask,
    question_ask_clarification,
    question_rate,
    question_reply,
    question_take,
    question_withdraw,
    questions_escalate_overdue,
)
from .slots import SlotConflict, slot_book, slot_cancel_booking, slot_create, slot_withdraw

__all__ = [
    "SlotConflict",
    "article_from_question",
    "article_update",
    "due_date",
    "expert_create",
    "expert_update",
    "question_answer",
    "question_ask",
    "question_ask_clarification",
    "question_rate",
    "question_reply",
    "question_take",
    "question_withdraw",
    "questions_escalate_overdue",
    "slot_book",
    "slot_cancel_booking",
    "slot_create",
    "slot_withdraw",
]
