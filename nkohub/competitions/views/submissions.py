"""Submissions: submitting from the builder, the submission's page for the applicant, the
funder and the expert, withdrawal, decisions, answers, documents."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.competitions import selectors, services
from nkohub.competitions.forms import AnswerForm, AssignForm, DecisionForm, SubmitForm
from nkohub.competitions.models import Submission
from nkohub.competitions.permissions import (
    can_answer_info,
    can_decide,
    can_manage_call,
    can_see_other_reviews,
    can_submit,
    can_view_submission,
    can_withdraw,
    expert_assignment,
    get_submission_for_user,
    is_funder_member,
)
from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.service_calls import perform, submit_form
from nkohub.core.serving import user_file_response
from nkohub.core.storage import original_filename
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.grants import selectors as grants_selectors
from nkohub.grants.checker import Severity
from nkohub.grants.exports import sections
from nkohub.grants.permissions import get_application_for_user


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request: AuthenticatedHttpRequest, application_pk: int) -> HttpResponse:
    """«Подать заявку»: the latest saved version of the builder's application goes to the call."""
    application = get_application_for_user(request.user, application_pk)
    live = selectors.live_submission(application)
    if live is not None:
        return redirect("competitions:submission", live.pk)
    call = services.call_of_application(application)
    if call is None:
        raise Http404
    require(can_submit(request.user, application, call))
    call = selectors.call_detail(call)
    form = SubmitForm(request.POST or None, request.FILES or None, call=call)
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.submission_submit(
                actor=request.user,
                application=application,
                answers=form.answers(),
                documents=form.documents(),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("The application is submitted: №%(number)s.") % {"number": submission.number},
            )
            return redirect("competitions:submission", submission.pk)
    document = grants_selectors.application_document(application)
    findings = [
        f
        for f in grants_selectors.check_application(application)
        if f.severity == Severity.BLOCKING
    ]
    return render(
        request,
        "competitions/submit.html",
        {"application": document, "call": call, "form": form, "blocking": findings},
    )


@login_required
@require_safe
def my_submissions(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "competitions/my_submissions.html",
        {"page": paginate(request, selectors.submissions_of(request.user))},
    )


@login_required
@require_safe
def submission_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    submission = get_submission_for_user(request.user, pk)
    call = submission.call
    funder = is_funder_member(request.user, call)
    own = expert_assignment(request.user, submission)
    context: dict[str, Any] = {"submission": submission, "call": call, "funder": funder, "own": own}
    if not can_view_submission(request.user, submission):
        # The assigned expert before the declaration: only what the conflict is judged by.
        return render(request, "competitions/submission_declare_first.html", context)
    snapshot = submission.version.snapshot
    application = submission.application
    context.update(
        sections=sections(application, snapshot),
        answers=list(submission.answers.select_related("question")),
        documents=list(submission.documents.select_related("required")),
        info_requests=list(submission.info_requests.all()),
        withdraw=can_withdraw(request.user, submission),
        answer=can_answer_info(request.user, submission),
        answer_form=AnswerForm(),
        decide=can_decide(request.user, submission),
        decision_form=DecisionForm(initial={"amount": submission.requested_amount}),
        reports=selectors.reports_of_submission(submission),
        agreement=getattr(submission, "agreement", None)
        if submission.status == Submission.Status.APPROVED
        else None,
        draft_changed=application.version != submission.version.number,
    )
    if can_see_other_reviews(request.user, submission, own):
        assignments = selectors.submission_assignments(submission)
        criteria = list(call.criteria.all())
        context.update(
            assignments=assignments,
            figures=selectors.criterion_figures(submission, assignments, criteria),
            criteria=criteria,
        )
    if can_manage_call(request.user, call) and not submission.is_decided:
        context["assign_form"] = AssignForm(experts=selectors.assignable_experts(submission))
    return render(request, "competitions/submission.html", context)


@login_required
@require_POST
def submission_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    submission = get_submission_for_user(request.user, pk)
    require(can_withdraw(request.user, submission))
    perform(
        request,
        lambda: services.submission_withdraw(actor=request.user, submission=submission),
        _("The submission is withdrawn. The draft stays in the builder."),
    )
    return redirect("competitions:submission", submission.pk)


@login_required
@require_POST
def assign(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    submission = get_submission_for_user(request.user, pk)
    require(can_manage_call(request.user, submission.call))
    form = AssignForm(request.POST, experts=selectors.assignable_experts(submission))
    done = submit_form(
        request,
        form,
        lambda data: services.assignment_create(
            actor=request.user, submission=submission, expert=data["expert"]
        ),
        _("The expert is assigned and told."),
    )
    if done is None:
        for error in form.non_field_errors() + [e for field in form.errors.values() for e in field]:
            messages.error(request, str(error))
    return redirect("competitions:submission", submission.pk)


@login_required
@require_POST
def decide(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    submission = get_submission_for_user(request.user, pk)
    require(can_decide(request.user, submission))
    form = DecisionForm(request.POST)

    def write(data: dict[str, Any]) -> Any:
        if data["action"] == "approve":
            if data.get("amount") is None:
                raise DomainError(_("Enter the amount of the grant."), field="amount")
            return services.submission_approve(
                actor=request.user, submission=submission, amount=data["amount"]
            )
        if data["action"] == "decline":
            return services.submission_decline(
                actor=request.user, submission=submission, reason=data.get("text", "")
            )
        return services.submission_ask_info(
            actor=request.user, submission=submission, question=data.get("text", "")
        )

    if (
        submit_form(request, form, write, _("The decision is recorded and the applicant is told."))
        is None
    ):
        for error in form.non_field_errors() + [e for field in form.errors.values() for e in field]:
            messages.error(request, str(error))
    return redirect("competitions:submission", submission.pk)


@login_required
@require_POST
def answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    submission = get_submission_for_user(request.user, pk)
    require(can_answer_info(request.user, submission))
    form = AnswerForm(request.POST)
    if (
        submit_form(
            request,
            form,
            lambda data: services.submission_answer_info(
                actor=request.user, submission=submission, answer=data["answer"]
            ),
            _("The answer is sent to the funder."),
        )
        is None
    ):
        for error in [e for field in form.errors.values() for e in field]:
            messages.error(request, str(error))
    return redirect("competitions:submission", submission.pk)


@login_required
@require_safe
def submission_document(request: AuthenticatedHttpRequest, pk: int, doc_pk: int) -> FileResponse:
    submission = get_submission_for_user(request.user, pk)
    if not can_view_submission(request.user, submission):
        raise Http404
    document = submission.documents.filter(pk=doc_pk).first()
    if document is None:
        raise Http404
    return user_file_response(
        document.file.open("rb"),
        filename=original_filename(document.original_name),
    )
