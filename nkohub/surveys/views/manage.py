"""The operator's builder: the list of every survey, a new one (by hand or from a template), its
settings and questions, opening and closing, reminders."""

from datetime import timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.pagination import paginate
from nkohub.core.service_calls import perform, submit_form
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.surveys import forms, permissions, selectors, services
from nkohub.surveys.models import STATUS_FLOW, Survey


def _operator(request: AuthenticatedHttpRequest) -> None:
    permissions.require(
        permissions.can_manage(request.user)
        or permissions.refused(_("Only operators manage surveys."))
    )


def _managed(request: AuthenticatedHttpRequest, pk: int) -> Survey:
    return permissions.get_survey_for_manager(request.user, selectors.survey_with_questions(pk))


@login_required
@require_safe
def manage(request: AuthenticatedHttpRequest) -> HttpResponse:
    _operator(request)
    page = paginate(request, selectors.surveys_for_operator())
    return render(request, "surveys/manage.html", {"page": page})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def create(request: AuthenticatedHttpRequest) -> Any:
    _operator(request)
    form = forms.SurveyForm(request.POST or None)
    survey = submit_form(
        request,
        form,
        lambda data: services.survey_create(actor=request.user, **data),
        _("The survey is created: add its questions."),
    )
    if survey is not None:
        return redirect("surveys:edit", pk=survey.pk)
    return render(request, "surveys/survey_form.html", {"form": form, "survey": None})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def from_template(request: AuthenticatedHttpRequest) -> Any:
    _operator(request)
    today = timezone.localdate()
    form = forms.BlueprintForm(
        request.POST or None,
        initial={"opens_on": today, "closes_on": today + timedelta(days=30)},
    )
    survey = submit_form(
        request,
        form,
        lambda data: services.survey_create_from_blueprint(
            actor=request.user,
            key=data["template"],
            title=data["title"],
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
        ),
        _("The survey is created from the template: check it and open it."),
    )
    if survey is not None:
        return redirect("surveys:edit", pk=survey.pk)
    return render(request, "surveys/template_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request: AuthenticatedHttpRequest, pk: int) -> Any:
    survey = _managed(request, pk)
    form = forms.SurveyForm(request.POST or None, instance=survey)
    if request.method == "POST":
        # the form's instance is the survey itself: compare with a fresh copy in the service
        fresh = Survey.objects.get(pk=survey.pk)
        saved = submit_form(
            request,
            form,
            lambda data: services.survey_update(actor=request.user, survey=fresh, **data),
            _("The survey is saved."),
        )
        if saved is not None:
            return redirect("surveys:edit", pk=survey.pk)
    context = {
        "survey": survey,
        "form": form,
        "questions": survey.questions.all(),
        "editable": not selectors.has_responses(survey),
        "next_statuses": STATUS_FLOW[survey.status],
    }
    return render(request, "surveys/survey_form.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def question_edit(
    request: AuthenticatedHttpRequest, pk: int, question_pk: int | None = None
) -> Any:
    survey = _managed(request, pk)
    question = (
        permissions.get_question_for_manager(request.user, survey, question_pk)
        if question_pk
        else None
    )
    initial = forms.QuestionForm.initial_for(question) if question else {}
    form = forms.QuestionForm(
        request.POST or None, initial=initial, survey=survey, question=question
    )
    saved = submit_form(
        request,
        form,
        lambda data: services.question_save(
            actor=request.user, survey=survey, question=question, **form.service_fields()
        ),
        _("The question is saved."),
    )
    if saved is not None:
        return redirect("surveys:edit", pk=survey.pk)
    return render(
        request,
        "surveys/question_form.html",
        {"survey": survey, "form": form, "question": question},
    )


@login_required
@require_POST
def question_delete(request: AuthenticatedHttpRequest, pk: int, question_pk: int) -> Any:
    survey = _managed(request, pk)
    question = permissions.get_question_for_manager(request.user, survey, question_pk)
    perform(
        request,
        lambda: services.question_delete(actor=request.user, question=question),
        _("The question is deleted."),
    )
    return redirect("surveys:edit", pk=survey.pk)


@login_required
@require_POST
def set_status(request: AuthenticatedHttpRequest, pk: int) -> Any:
    survey = _managed(request, pk)
    status = request.POST.get("status", "")
    perform(
        request,
        lambda: services.survey_set_status(actor=request.user, survey=survey, status=status),
        _("The survey's status is changed."),
    )
    return redirect("surveys:edit", pk=survey.pk)


@login_required
@require_POST
def remind(request: AuthenticatedHttpRequest, pk: int) -> Any:
    survey = _managed(request, pk)
    told: list[int] = []
    if perform(
        request,
        lambda: told.append(services.survey_remind(actor=request.user, survey=survey)),
        _("Reminders are sent."),
    ):
        return redirect(reverse("surveys:edit", args=[survey.pk]) + f"?told={told[0]}")
    return redirect("surveys:edit", pk=survey.pk)
