"""Who may do what with calls, submissions, reviews and reports. The only place these rights
are decided.

- A member of the funder organisation sees its calls' submissions; its owners and editors (and
  operators) run the call: publish, assign experts, decide, accept reports.
- An expert sees only the submissions assigned to them, and only after declaring no conflict of
  interest (before that: the title and the applicant, to judge the conflict); never with one.
- An applicant's members see only their own organisation's submissions; owners and editors act.
Outsiders get 404 (they must not learn a submission exists), insiders without the right 403.
"""

from typing import Any

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.competitions.models import Assignment, Call, Report, Submission
from nkohub.core.permissions import ALLOWED, Decision, is_operator, refused
from nkohub.grants.models import Application
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import can_act_for, is_member

FUNDER_KINDS = (
    Organization.Kind.AUTHORITY,
    Organization.Kind.BUSINESS,
    Organization.Kind.RESOURCE_CENTRE,
    Organization.Kind.OTHER,
)


def can_create_call(user: Any, organization: Organization) -> Decision:
    if organization.kind not in FUNDER_KINDS:
        return refused(
            _("Calls are run by authorities, foundations, companies and resource centres.")
        )
    if not (is_operator(user) or can_act_for(user, organization)):
        return refused(_("A call is created by an owner or an editor of the funder organisation."))
    return ALLOWED


def is_funder_member(user: Any, call: Call) -> bool:
    return is_operator(user) or is_member(user, call.organization)


def can_manage_call(user: Any, call: Call) -> Decision:
    if not (is_operator(user) or can_act_for(user, call.organization)):
        return refused(_("The call is run by the owners and editors of the funder organisation."))
    return ALLOWED


def can_view_call(user: Any, call: Call) -> bool:
    return call.is_public or is_funder_member(user, call)


def can_edit_call(user: Any, call: Call) -> Decision:
    decision = can_manage_call(user, call)
    if not decision:
        return decision
    if call.status not in (Call.Status.DRAFT, Call.Status.PUBLISHED):
        return refused(_("The call is under review: its rules no longer change."))
    return ALLOWED


def can_submit(user: Any, application: Application, call: Call) -> Decision:
    if not can_act_for(user, application.organization):
        return refused(
            _("An application is submitted by the owner or an editor of the organisation.")
        )
    if call.competition_id is None or application.competition_id != call.competition_id:
        return refused(_("The application was started for another competition."))
    if call.status != Call.Status.PUBLISHED:
        return refused(_("The call does not accept applications now."))
    today = timezone.localdate()
    if not call.applications_open_on <= today <= call.applications_close_on:
        return refused(
            _("Applications are accepted from %(start)s to %(end)s.")
            % {
                "start": call.applications_open_on.strftime("%d.%m.%Y"),
                "end": call.applications_close_on.strftime("%d.%m.%Y"),
            }
        )
    return ALLOWED


def is_applicant(user: Any, submission: Submission) -> bool:
    return is_member(user, submission.organization)


def expert_assignment(user: Any, submission: Submission) -> Assignment | None:
    if not (user and user.is_authenticated):
        return None
    return Assignment.objects.filter(submission=submission, expert=user).first()


def can_view_submission(user: Any, submission: Submission) -> bool:
    """Everything of the submission: the funder, the applicant, an expert without a conflict."""
    if is_funder_member(user, submission.call) or is_applicant(user, submission):
        return True
    assignment = expert_assignment(user, submission)
    return assignment is not None and assignment.status in (
        Assignment.Status.IN_PROGRESS,
        Assignment.Status.SUBMITTED,
    )


def can_withdraw(user: Any, submission: Submission) -> Decision:
    if not can_act_for(user, submission.organization):
        return refused(
            _("A submission is withdrawn by the owner or an editor of the organisation.")
        )
    if not submission.can_move_to(Submission.Status.WITHDRAWN):
        return refused(_("The submission can no longer be withdrawn."))
    if timezone.localdate() > submission.call.applications_close_on:
        return refused(
            _("Applications closed: a submission may be withdrawn only until the deadline.")
        )
    return ALLOWED


def can_answer_info(user: Any, submission: Submission) -> Decision:
    if not can_act_for(user, submission.organization):
        return refused(
            _("The funder's question is answered by the owner or an editor of the organisation.")
        )
    if submission.status != Submission.Status.INFO_REQUESTED:
        return refused(_("The funder asks nothing now."))
    return ALLOWED


def can_decide(user: Any, submission: Submission) -> Decision:
    decision = can_manage_call(user, submission.call)
    if not decision:
        return decision
    if submission.is_decided or submission.status == Submission.Status.WITHDRAWN:
        return refused(_("The submission's outcome is already recorded."))
    return ALLOWED


def can_declare(user: Any, assignment: Assignment) -> Decision:
    if not (user and user.is_authenticated and assignment.expert_id == user.pk):
        return refused(_("Only the assigned expert declares a conflict of interest."))
    if assignment.status != Assignment.Status.ASSIGNED:
        return refused(_("The declaration is already made."))
    return ALLOWED


def can_score(user: Any, assignment: Assignment) -> Decision:
    if not (user and user.is_authenticated and assignment.expert_id == user.pk):
        return refused(_("Only the assigned expert scores the submission."))
    if assignment.status != Assignment.Status.IN_PROGRESS:
        return refused(
            _("The review is already submitted, or the conflict of interest is not declared yet.")
        )
    if (
        assignment.submission.is_decided
        or assignment.submission.status == Submission.Status.WITHDRAWN
    ):
        return refused(_("The submission is no longer reviewed."))
    return ALLOWED


def can_see_other_reviews(user: Any, submission: Submission, own: Assignment | None) -> bool:
    """Reviews stay hidden from an expert until their own is submitted; the funder sees them all."""
    if is_funder_member(user, submission.call):
        return True
    return own is not None and own.status == Assignment.Status.SUBMITTED


def can_view_report(user: Any, report: Report) -> bool:
    submission = report.agreement.submission
    return is_funder_member(user, submission.call) or is_applicant(user, submission)


def can_submit_report(user: Any, report: Report) -> Decision:
    if not can_act_for(user, report.agreement.submission.organization):
        return refused(_("A report is filed by the owner or an editor of the grantee."))
    if not report.is_editable:
        return refused(_("The report is with the funder."))
    return ALLOWED


def can_review_report(user: Any, report: Report) -> Decision:
    decision = can_manage_call(user, report.agreement.submission.call)
    if not decision:
        return decision
    if report.status != Report.Status.SUBMITTED:
        return refused(_("The report is not awaiting review."))
    return ALLOWED


# --- fetch and check -------------------------------------------------------------------------


def get_call_for_user(user: Any, pk: int) -> Call:
    call = Call.objects.select_related("organization", "competition").filter(pk=pk).first()
    if call is None or not can_view_call(user, call):
        raise Http404
    return call


def get_submission_for_user(user: Any, pk: int) -> Submission:
    """The submission if the person may know of it (the assigned expert before the declaration,
    too, to see what to declare): 404 for everyone else."""
    submission = (
        Submission.objects.select_related(
            "call__organization", "organization", "direction", "application", "version"
        )
        .filter(pk=pk)
        .first()
    )
    if submission is None:
        raise Http404
    if is_funder_member(user, submission.call) or is_applicant(user, submission):
        return submission
    assignment = expert_assignment(user, submission)
    if assignment is None or assignment.status == Assignment.Status.CONFLICT:
        raise Http404
    return submission


def get_assignment_for_user(user: Any, pk: int) -> Assignment:
    assignment = (
        Assignment.objects.select_related(
            "submission__call__organization", "submission__organization", "expert"
        )
        .filter(pk=pk)
        .first()
    )
    if assignment is None:
        raise Http404
    if assignment.expert_id == getattr(user, "pk", None) or is_funder_member(
        user, assignment.submission.call
    ):
        return assignment
    raise Http404


def get_report_for_user(user: Any, pk: int) -> Report:
    report = (
        Report.objects.select_related(
            "agreement__submission__call__organization", "agreement__submission__organization"
        )
        .filter(pk=pk)
        .first()
    )
    if report is None or not can_view_report(user, report):
        raise Http404
    return report
