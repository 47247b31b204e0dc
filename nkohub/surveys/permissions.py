"""Who may do what with surveys. The only place these rights are decided.

- Operators of the resource centre build surveys, open and close them, remind, map problem zones and
  see every result; they may also enter a response for an organisation (an interview they conducted).
- A survey that is not a draft is visible to everyone; a draft only to operators (others get 404).
- A survey to organisations is answered for an addressed organisation by its owner or editor (one
  response per organisation, which its owners and editors share); a survey to people by anyone signed in.
- Results are the operators'; everyone sees them once the operator made them public.
"""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from nkohub.core.permissions import ALLOWED, Decision, is_operator, refused, require
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import can_act_for
from nkohub.surveys.models import Question, Survey

__all__ = ["refused", "require"]


def can_manage(user: Any) -> bool:
    return is_operator(user)


def can_view_survey(user: Any, survey: Survey) -> bool:
    return survey.status != Survey.Status.DRAFT or can_manage(user)


def can_view_results(user: Any, survey: Survey) -> bool:
    if can_manage(user):
        return True
    return survey.results_public and survey.status != Survey.Status.DRAFT


def is_addressed(survey: Survey, organization: Organization) -> bool:
    listed = {o.pk for o in survey.addressed_organizations.all()}
    if listed:
        return organization.pk in listed
    return organization.kind == Organization.Kind.NGO and organization.is_published


def can_answer(user: Any, survey: Survey, organization: Organization | None) -> Decision:
    if not (user and user.is_authenticated and user.is_active):
        return refused(_("Log in to answer the survey."))
    if not survey.accepts_answers():
        return refused(_("The survey does not accept answers now."))
    if survey.for_organizations:
        if organization is None:
            return refused(_("This survey is answered for an organisation."))
        if not (can_act_for(user, organization) or can_manage(user)):
            return refused(_("Only the organisation's owner and editors may answer for it."))
        if not is_addressed(survey, organization):
            return refused(_("The survey is not addressed to this organisation."))
    elif organization is not None:
        return refused(_("This survey is answered in your own name."))
    return ALLOWED


def get_survey_for_viewer(user: Any, survey: Survey | None) -> Survey:
    if survey is None or not can_view_survey(user, survey):
        raise Http404
    return survey


def get_survey_for_manager(user: Any, survey: Survey | None) -> Survey:
    survey = get_survey_for_viewer(user, survey)
    require(can_manage(user) or refused(_("Only operators manage surveys.")))
    return survey


def get_question_for_manager(user: Any, survey: Survey, pk: int) -> Question:
    question = next((q for q in survey.questions.all() if q.pk == pk), None)
    if question is None:
        raise Http404
    return question
