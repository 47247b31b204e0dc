"""How the audit log names volunteering's actions and fields (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels
from nkohub.volunteering.models import (
    Alliance,
    CoalitionMember,
    InternshipRequest,
    VolunteerResponse,
)

LABELS = AuditLabels(
    actions={
        "volunteering.call.create": _("Volunteer call posted"),
        "volunteering.call.update": _("Volunteer call changed"),
        "volunteering.call.cancel": _("Volunteer call cancelled"),
        "volunteering.response.create": _("Responded to a volunteer call"),
        "volunteering.response.decide": _("Decision on a volunteer's response"),
        "volunteering.hours.record": _("Volunteer hours recorded"),
        "volunteering.hours.confirm": _("Volunteer hours confirmed"),
        "volunteering.hours.dispute": _("Volunteer hours disputed"),
        "volunteering.profile.visibility": _("Visibility of the volunteer record changed"),
        "volunteering.alliance.propose": _("Partnership proposed"),
        "volunteering.alliance.answer": _("Partnership request answered"),
        "volunteering.alliance.end": _("Partnership ended"),
        "volunteering.coalition.create": _("Coalition created"),
        "volunteering.coalition.invite": _("Organisation invited to a coalition"),
        "volunteering.coalition.answer": _("Coalition invitation answered"),
        "volunteering.announcement.create": _("Coalition announcement published"),
        "volunteering.internship.create": _("Internship offered"),
        "volunteering.internship.request": _("Internship requested"),
        "volunteering.internship.decide": _("Decision on an internship request"),
    },
    fields={
        "organization": _("organisation"),
        "places": _("places"),
        "volunteer": _("volunteer"),
        "intern": _("intern"),
        "hours": pgettext_lazy("audit field", "hours"),
        "hours_status": _("state of the hours"),
        "record_public": _("volunteer record is public"),
        "reason": pgettext_lazy("audit field", "reason"),
        "starts_at": _("starts"),
        "ends_at": _("ends"),
    },
    choices={
        "status": [
            *VolunteerResponse.Status.choices,
            *Alliance.Status.choices,
            *CoalitionMember.Status.choices,
            *InternshipRequest.Status.choices,
            ("published", pgettext_lazy("volunteer call", "open")),
            ("cancelled", pgettext_lazy("volunteer call", "cancelled")),
        ],
        "hours_status": VolunteerResponse.Hours.choices,
    },
)
