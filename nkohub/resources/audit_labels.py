"""How the audit log names this app's actions and fields (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels
from nkohub.resources.models import Review

LABELS = AuditLabels(
    actions={
        "resources.offer.create": _("Resource offer created"),
        "resources.offer.update": _("Resource offer changed"),
        "resources.offer.status": _("Resource offer's status changed"),
        "resources.availability.add": _("Availability window added"),
        "resources.availability.remove": _("Availability window removed"),
        "resources.exception.add": _("Exception day added to the schedule"),
        "resources.exception.remove": _("Exception day removed from the schedule"),
        "resources.photo.add": _("Photo of an offer added"),
        "resources.photo.remove": _("Photo of an offer removed"),
        "resources.request.create": _("Resource request created"),
        "resources.request.update": _("Resource request changed"),
        "resources.request.status": _("Resource request's status changed"),
        "resources.booking.create": _("Booking requested"),
        "resources.booking.confirm": _("Booking confirmed"),
        "resources.booking.decline": _("Booking declined"),
        "resources.booking.cancel": _("Booking cancelled"),
        "resources.review.create": _("Review after a booking left"),
    },
    fields={
        "rule": _("window"),
        "date": pgettext_lazy("audit field", "date"),
        "closed": _("closed all day"),
        "photo": pgettext_lazy("audit field", "photo"),
        "note": _("note for the requester"),
        "reason": pgettext_lazy("audit field", "reason"),
        "side": _("review"),
        "rating": _("rating"),
    },
    choices={"side": Review.Side.choices},
)
