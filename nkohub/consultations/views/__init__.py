"""Consultations' pages: the knowledge base, asking and a question's page, the expert's desk, the
operators' page, slots."""

from .desk import desk, oversight, profile
from .knowledge import article_detail, article_edit, index, publish_question
from .questions import (
    answer,
    ask,
    clarify,
    mine,
    question_detail,
    question_file,
    rate,
    reply,
    suggestions,
    take,
    withdraw,
)
from .slots import book, cancel_booking, slot_create, slots, withdraw_slot

__all__ = [
    "answer",
    "article_detail",
    "article_edit",
    "ask",
    "book",
    "cancel_booking",
    "clarify",
    "desk",
    "index",
    "mine",
    "oversight",
    "profile",
    "publish_question",
    "question_detail",
    "question_file",
    "rate",
    "reply",
    "slot_create",
    "slots",
    "suggestions",
    "take",
    "withdraw",
    "withdraw_slot",
]
