"""The expert's side: the list of assignments, the declaration of a conflict of interest, the
scoring form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from nkohub.competitions import selectors, services
from nkohub.competitions.forms import DeclarationForm, ReviewForm
from nkohub.competitions.models import Assignment
from nkohub.competitions.permissions import can_declare, can_score, get_assignment_for_user
from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.pagination import paginate
from nkohub.core.permissions import require
from nkohub.core.types import AuthenticatedHttpRequest


@login_required
@require_safe
def my_reviews(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "competitions/reviews.html",
        {"page": paginate(request, selectors.assignments_of(request.user))},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assignment = get_assignment_for_user(request.user, pk)
    submission = assignment.submission
    if assignment.expert_id != request.user.pk:
        return redirect("competitions:submission", submission.pk)  # the funder reads it there
    if assignment.status == Assignment.Status.ASSIGNED:
        require(can_declare(request.user, assignment))
        declaration = DeclarationForm(request.POST or None)
        if request.method == "POST" and declaration.is_valid():
            try:
                services.assignment_declare(
                    actor=request.user,
                    assignment=assignment,
                    conflict=declaration.cleaned_data["conflict"],
                    note=declaration.cleaned_data["conflict_note"],
                )
            except DomainError as error:
                add_domain_error(declaration, error)
            else:
                if declaration.cleaned_data["conflict"]:
                    messages.success(
                        request, _("Thank you: the funder will assign another expert.")
                    )
                    return redirect("competitions:reviews")
                return redirect("competitions:review", assignment.pk)
        return render(
            request,
            "competitions/declare.html",
            {"assignment": assignment, "submission": submission, "form": declaration},
        )
    if assignment.status == Assignment.Status.CONFLICT:
        messages.info(
            request, _("You declared a conflict of interest: the submission is not shown to you.")
        )
        return redirect("competitions:reviews")
    criteria = list(submission.call.criteria.all())
    scores = {s.criterion_id: s for s in assignment.scores.all()}
    initial: dict[str, object] = {"summary": assignment.summary}
    for criterion in criteria:
        if criterion.pk in scores:
            initial[f"score_{criterion.pk}"] = scores[criterion.pk].value
            initial[f"comment_{criterion.pk}"] = scores[criterion.pk].comment
    form = ReviewForm(request.POST or None, initial=initial, criteria=criteria)
    editable = can_score(request.user, assignment)
    if request.method == "POST":
        require(editable)
        if form.is_valid():
            final = "submit" in request.POST
            try:
                services.review_save(
                    actor=request.user,
                    assignment=assignment,
                    scores=form.scores(),
                    summary=form.cleaned_data["summary"],
                    submit=final,
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(
                    request,
                    _("The review is submitted.")
                    if final
                    else _("The draft of the review is saved."),
                )
                return redirect(
                    "competitions:submission" if final else "competitions:review",
                    submission.pk if final else assignment.pk,
                )
    return render(
        request,
        "competitions/review.html",
        {"assignment": assignment, "submission": submission, "form": form, "editable": editable},
    )
