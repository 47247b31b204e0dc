"""Results of a survey: counts and shares per question with their charts and tables, the
cross-tabulation by the organisations' sphere, legal form and municipality, free texts, XLSX."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from nkohub.core.pagination import paginate
from nkohub.core.types import HtmxHttpRequest
from nkohub.surveys import exports, forms, permissions, selectors
from nkohub.surveys.models import Question, Survey


def _survey_for_results(request: HtmxHttpRequest, pk: int) -> Survey:
    survey = permissions.get_survey_for_viewer(request.user, selectors.survey_with_questions(pk))
    permissions.require(
        permissions.can_view_results(request.user, survey)
        or permissions.refused(_("The results of this survey are not public."))
    )
    return survey


@require_safe
def results(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    survey = _survey_for_results(request, pk)
    responses, items = selectors.question_results(survey)
    context = {
        "survey": survey,
        "responses": responses,
        "results": items,
        "can_manage": permissions.can_manage(request.user),
    }
    return render(request, "surveys/results.html", context)


@require_safe
def crosstab(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    survey = _survey_for_results(request, pk)
    if not survey.for_organizations:
        raise Http404
    questions = list(survey.questions.all())
    form = forms.CrosstabForm(request.GET or None, questions=questions)
    table = None
    question = None
    if form.is_bound and form.is_valid():
        question = next(q for q in questions if q.pk == form.cleaned_data["question"])
        table = selectors.crosstab(survey, question, form.cleaned_data["by"], _("not stated"))
    context = {"survey": survey, "form": form, "table": table, "question": question}
    return render(request, "surveys/crosstab.html", context)


@require_safe
def texts(request: HtmxHttpRequest, pk: int, question_pk: int) -> HttpResponse:
    survey = _survey_for_results(request, pk)
    question = next(
        (q for q in survey.questions.all() if q.pk == question_pk and q.kind == Question.Kind.TEXT),
        None,
    )
    if question is None:
        raise Http404
    page = paginate(request, selectors.text_answers(survey, question))
    context = {"survey": survey, "question": question, "page": page}
    return render(request, "surveys/texts.html", context)


@require_safe
def export(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    survey = _survey_for_results(request, pk)
    response = HttpResponse(
        exports.survey_xlsx(survey),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}.xlsx"'
    return response
