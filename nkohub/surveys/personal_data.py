"""What the surveys hold about a person: the responses they gave in their own name, and those they last
saved for an organisation."""

from typing import Any

from nkohub.surveys.models import Response


def export(user: Any) -> dict[str, Any]:
    responses = (
        Response.objects.filter(respondent=user)
        .select_related("survey", "organization")
        .prefetch_related("answers__question", "answers__option", "answers__row")
    )
    return {
        "survey_responses": [
            {
                "survey": response.survey.title,
                "organization": response.organization.display_name
                if response.organization
                else None,
                "status": response.status,
                "submitted_at": response.submitted_at.isoformat()
                if response.submitted_at
                else None,
                "answers": [
                    {
                        "question": answer.question.text,
                        "row": str(answer.row) if answer.row else None,
                        "option": str(answer.option) if answer.option else None,
                        "rank": answer.rank,
                        "number": str(answer.number) if answer.number is not None else None,
                        "text": answer.text,
                    }
                    for answer in response.answers.all()
                ],
            }
            for response in responses
        ]
    }


def erase(user: Any) -> dict[str, Any]:
    """A person's own responses go (drafts and sent ones: they are theirs); an organisation's response
    stays the organisation's, without the name of who saved it."""
    _total, rows = Response.objects.filter(respondent=user, organization__isnull=True).delete()
    own = rows.get(Response._meta.label, 0)
    for_organizations = Response.objects.filter(respondent=user).update(respondent=None)
    return {"own_responses": own, "organization_responses_anonymised": for_organizations}
