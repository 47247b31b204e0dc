"""How the audit log names this app's actions and fields (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels, as_list
from nkohub.projects.models import FairEntry, Pledge

LABELS = AuditLabels(
    actions={
        "projects.project.create": _("Project created"),
        "projects.project.update": _("Project changed"),
        "projects.project.status": _("Project's status changed"),
        "projects.need.add": _("Project's need added"),
        "projects.need.delete": _("Project's need removed"),
        "projects.result.add": _("Planned result added"),
        "projects.result.delete": _("Planned result removed"),
        "projects.results.report": _("Results reported"),
        "projects.team.add": _("Team member added"),
        "projects.team.delete": _("Team member removed"),
        "projects.photo.add": _("Photo of results added"),
        "projects.photo.delete": _("Photo of results removed"),
        "projects.season.create": _("Fair season created"),
        "projects.season.update": _("Fair season changed"),
        "projects.fair.submit": _("Project submitted to the fair"),
        "projects.fair.decide": _("Decision on a fair application"),
        "projects.fair.withdraw": _("Project withdrawn from the fair"),
        "projects.pledge.create": _("Support pledged"),
        "projects.pledge.accept": _("Pledge accepted"),
        "projects.pledge.decline": _("Pledge declined"),
        "projects.pledge.withdraw": _("Pledge withdrawn"),
        "projects.fulfilment.record": _("Support received"),
        "projects.partnership.end": _("Partnership ended"),
        "projects.sponsor.preferences": _("Sponsor's interests changed"),
    },
    fields={
        "season": _("fair season"),
        "need": pgettext_lazy("audit field", "need"),
        "quantity": pgettext_lazy("audit field", "quantity"),
        "indicator": _("indicator"),
        "planned": _("planned value"),
        "member": _("team member"),
        "photo": pgettext_lazy("audit field", "photo"),
        "reason": pgettext_lazy("audit field", "reason"),
        "received_on": _("received on"),
        "spheres": _("spheres"),
        "municipalities": _("municipalities"),
    },
    choices={"kind": Pledge.Kind.choices},
    scoped_choices={"projects.fair.": {"status": FairEntry.Status.choices}},
    formats={"spheres": as_list, "municipalities": as_list},
)
