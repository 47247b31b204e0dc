"""What consultations hold about a person: the questions they asked (on behalf of an organisation),
their replies, the expert profile, booked slots."""

from typing import Any

from nkohub.consultations.models import Expert, Message, Question, Slot


def export(user: Any) -> dict[str, Any]:
    expert = Expert.objects.filter(user=user).prefetch_related("competences").first()
    return {
        "questions": [
            {
                "title": q.title,
                "text": q.text,
                "organization": q.organization.display_name,
                "topic": q.competence.name,
                "status": q.status,
                "asked_at": q.created_at.isoformat(),
                "answer": q.answer,
                "rating": q.rating,
                "files": [f.original_name for f in q.files.all()],
            }
            for q in Question.objects.filter(asked_by=user)
            .select_related("organization", "competence")
            .prefetch_related("files")
        ],
        "messages": [
            {"question": m.question.title, "text": m.text, "written_at": m.created_at.isoformat()}
            for m in Message.objects.filter(author=user).select_related("question")
        ],
        "expert": {
            "bio": expert.bio,
            "competences": [c.name for c in expert.competences.all()],
        }
        if expert
        else None,
        "booked_slots": [
            {"expert": str(s.expert), "starts_at": s.starts_at.isoformat(), "note": s.topic_note}
            for s in Slot.objects.filter(booked_by=user).select_related("expert__user")
        ],
    }


def erase(user: Any) -> dict[str, Any]:
    """The questions stay with their organisation (it asked), without the person's name; their own
    messages lose their text, the expert profile goes, bookings are freed."""
    questions = Question.objects.filter(asked_by=user).update(asked_by=None)
    messages = Message.objects.filter(author=user).update(text="—", author=None)
    experts, _ = Expert.objects.filter(user=user).delete()
    slots = Slot.objects.filter(booked_by=user, status=Slot.Status.BOOKED).update(
        status=Slot.Status.OPEN, booked_by=None, organization=None, topic_note="", booked_at=None
    )
    return {
        "questions_anonymised": questions,
        "messages": messages,
        "expert": experts,
        "slots": slots,
    }
