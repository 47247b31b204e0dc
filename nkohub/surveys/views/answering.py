"""The public list of open surveys, a survey's page and the answering form (drafts and submission)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.pagination import paginate
from nkohub.core.types import AuthenticatedHttpRequest, HtmxHttpRequest
from nkohub.organizations.models import Organization
from nkohub.surveys import forms, permissions, selectors, services
from nkohub.surveys.models import Survey


@require_safe
def index(request: HtmxHttpRequest) -> HttpResponse:
    page = paginate(request, selectors.open_surveys())
    context = {
        "page": page,
        "to_answer": selectors.surveys_to_answer(request.user),
        "can_manage": permissions.can_manage(request.user),
        "closed": selectors.closed_surveys_with_public_results()[:10],
    }
    return render(request, "surveys/index.html", context)


@require_safe
def survey_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    survey = permissions.get_survey_for_viewer(request.user, selectors.survey_with_questions(pk))
    items = [i for i in selectors.surveys_to_answer(request.user) if i["survey"].pk == survey.pk]
    context = {
        "survey": survey,
        "items": items,
        "accepts": survey.accepts_answers(),
        "can_results": permissions.can_view_results(request.user, survey),
        "can_manage": permissions.can_manage(request.user),
    }
    return render(request, "surveys/survey.html", context)


def _answer_page(
    request: AuthenticatedHttpRequest, survey: Survey, organization: Organization | None
) -> HttpResponse:
    questions = list(survey.questions.all())
    response = selectors.response_for(survey, user=request.user, organization=organization)
    if response is not None and response.is_submitted:
        return render(
            request,
            "surveys/answered.html",
            {"survey": survey, "response": response, "organization": organization},
        )
    submit = request.POST.get("action") == "submit"
    if request.method == "POST":
        form = forms.AnswerForm(request.POST, questions=questions, submit=submit)
        if form.is_valid():
            try:
                services.response_save(
                    actor=request.user,
                    survey=survey,
                    organization=organization,
                    answers=form.answers,
                    submit=submit,
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                if submit:
                    messages.success(request, _("Thank you: your answers are sent."))
                    return redirect(survey.get_absolute_url())
                messages.success(
                    request, _("Your answers are saved: you can come back to them later.")
                )
                return redirect(request.path)
    else:
        form = forms.AnswerForm(
            initial=forms.initial_from(response, questions), questions=questions
        )
    context = {
        "survey": survey,
        "form": form,
        "layout": form.layout(),
        "organization": organization,
        "response": response,
    }
    return render(request, "surveys/answer.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def answer(request: AuthenticatedHttpRequest, pk: int, org_pk: int | None = None) -> Any:
    survey = permissions.get_survey_for_viewer(request.user, selectors.survey_with_questions(pk))
    organization = get_object_or_404(Organization, pk=org_pk) if org_pk else None
    if organization is None and survey.for_organizations:
        acting = [
            i["organization"]
            for i in selectors.surveys_to_answer(request.user)
            if i["survey"].pk == survey.pk
        ]
        if len(acting) == 1:
            return redirect("surveys:answer_for", pk=survey.pk, org_pk=acting[0].pk)
        if acting:  # several organisations: the survey's page has a button for each
            return redirect(survey.get_absolute_url())
    permissions.require(permissions.can_answer(request.user, survey, organization))
    return _answer_page(request, survey, organization)
