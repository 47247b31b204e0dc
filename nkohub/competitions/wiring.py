"""What the app plugs into the platform from `AppConfig.ready()`: links on the grants' pages,
the cabinet block, notification kinds, the reports' reminder job."""

from datetime import time
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def _competition_links(user: Any, competition: Any) -> list[Any]:
    from nkohub.competitions.models import Call
    from nkohub.grants.hooks import PageLink

    call = Call.objects.filter(competition=competition).only("pk", "status").first()
    if call is None or not call.is_public:
        return []
    links = [
        PageLink(
            _("The call on the platform: rules, criteria, documents"),
            reverse("competitions:call", args=[call.pk]),
        )
    ]
    if call.status == call.Status.RESULTS:
        links.append(
            PageLink(
                pgettext_lazy("competitions", "Results"),
                reverse("competitions:results", args=[call.pk]),
            )
        )
    return links


def _application_links(user: Any, application: Any) -> list[Any]:
    from nkohub.competitions import selectors
    from nkohub.competitions.models import Call
    from nkohub.grants.hooks import PageLink

    if application.competition_id is None:
        return []
    call = (
        Call.objects.filter(competition_id=application.competition_id).only("pk", "status").first()
    )
    if call is None or call.status == Call.Status.DRAFT:
        return []
    live = selectors.live_submission(application)
    if live is not None:
        return [
            PageLink(
                _("Submitted: see the status"),
                reverse("competitions:submission", args=[live.pk]),
                primary=True,
                note=_("Submitted version %(number)s") % {"number": live.version.number},
            )
        ]
    if call.status != Call.Status.PUBLISHED:
        return []
    return [
        PageLink(
            _("Submit the application"),
            reverse("competitions:submit", args=[application.pk]),
            primary=True,
        )
    ]


def _cabinet_context(user: Any) -> dict[str, Any] | None:
    from nkohub.competitions.selectors import cabinet_summary

    return cabinet_summary(user) if user.is_authenticated else None


NOTIFICATION_KINDS = {
    "competitions.submission.submitted": _(
        "Your organisation's application is submitted to a call"
    ),
    "competitions.submission.approved": _("Your organisation's submission is supported"),
    "competitions.submission.declined": _("Your organisation's submission is declined"),
    "competitions.submission.info_requested": _(
        "A funder asks your organisation for more information"
    ),
    "competitions.desk.new": _("A new submission to your organisation's call"),
    "competitions.desk.withdrawn": _("A submission to your organisation's call is withdrawn"),
    "competitions.desk.answered": _("An applicant answered your organisation's question"),
    "competitions.review.assigned": _("You are asked to review a submission"),
    "competitions.review.conflict": _("An expert declared a conflict of interest"),
    "competitions.report.submitted": _("A grantee filed a report"),
    "competitions.report.accepted": _("Your organisation's report is accepted"),
    "competitions.report.returned": _("Your organisation's report is returned for changes"),
    "competitions.report.reminder": _("Your organisation's report is overdue"),
    "competitions.report.escalation": _("A grantee's report is long overdue"),
}


def connect() -> None:
    from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
    from nkohub.competitions.personal_data import erase, export
    from nkohub.competitions.services import send_report_reminders
    from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
    from nkohub.grants.hooks import register_application_links, register_competition_links
    from nkohub.notifications.kinds import register_notification_kind
    from nkohub.notifications.scheduling import PeriodicJob, register_periodic_job

    register_personal_data(PersonalDataHandler(key="competitions", export=export, erase=erase))
    register_competition_links(_competition_links)
    register_application_links(_application_links)
    register_cabinet_block(
        CabinetBlock(order=46, template="competitions/_cabinet.html", context=_cabinet_context)
    )
    for code, label in NOTIFICATION_KINDS.items():
        register_notification_kind(code, label)
    register_periodic_job(
        PeriodicJob(
            name="competitions.report_reminders",
            title=_("Reminders of overdue reports on grants of calls"),
            run=lambda: send_report_reminders(),
            daily_at=time(9, 45),
        )
    )
