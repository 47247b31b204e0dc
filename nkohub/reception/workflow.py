"""The lifecycle of an appeal in one place: each action, the statuses it starts from and where it leads.

    draft → submitted → registered → in work → answered | redirected | left without an answer
    (extend: once, by up to 30 days, while registered or in work)

Services ask `check_transition(appeal, action)` before they change anything; permissions ask
`allows(appeal, action)` to decide which buttons a person sees.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.core.errors import DomainError
from nkohub.reception.models import Appeal

S = Appeal.Status


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str, ...]
    target: str | None  # None: the status stays as it is


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("edit", (S.DRAFT,), None),
        Transition("submit", (S.DRAFT,), S.SUBMITTED),
        Transition("register", (S.SUBMITTED,), S.REGISTERED),
        Transition("assign", (S.REGISTERED, S.IN_WORK), S.IN_WORK),
        Transition("extend", (S.REGISTERED, S.IN_WORK), S.IN_WORK),
        Transition("answer", (S.REGISTERED, S.IN_WORK), S.ANSWERED),
        Transition("redirect", (S.REGISTERED, S.IN_WORK), S.REDIRECTED),
        Transition("close", (S.REGISTERED, S.IN_WORK), S.CLOSED),
        Transition("clarify", (S.SUBMITTED, S.REGISTERED, S.IN_WORK), None),
        Transition("rate", (S.ANSWERED,), None),
    )
}


def allows(appeal: Appeal, action: str, today: date | None = None) -> bool:
    """Does the status (and, for extending and redirecting, the calendar) allow `action` now."""
    if appeal.status not in TRANSITIONS[action].sources:
        return False
    today = today or timezone.localdate()
    if action == "extend":
        return not appeal.extension_days and (
            appeal.answer_due is None or appeal.answer_due >= today
        )
    if action == "redirect":
        return appeal.redirect_due is None or today <= appeal.redirect_due
    if action == "rate":
        return appeal.rated_at is None
    return True


def check_transition(appeal: Appeal, action: str) -> str:
    """The status after `action`, or a DomainError saying why the appeal's status does not allow it."""
    transition = TRANSITIONS[action]
    if appeal.status not in transition.sources:
        raise DomainError(
            _("Not available: the appeal is in the status «%(status)s».")
            % {"status": appeal.get_status_display()}
        )
    return transition.target or appeal.status
