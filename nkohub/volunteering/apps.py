from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _cabinet_context(user: Any) -> dict[str, Any] | None:
    from nkohub.volunteering.selectors import cabinet_summary

    return cabinet_summary(user) if user.is_authenticated else None


def _ties_section(organization: Any, user: Any) -> dict[str, Any] | None:
    from nkohub.volunteering.selectors import profile_ties

    return profile_ties(organization, user)


class VolunteeringConfig(AppConfig):
    name = "nkohub.volunteering"
    verbose_name = _("Volunteering and ties")

    def ready(self) -> None:
        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.notifications.kinds import register_notification_kind
        from nkohub.organizations.profile_sections import ProfileSection, register_profile_section
        from nkohub.volunteering.personal_data import erase, export

        register_cabinet_block(
            CabinetBlock(order=45, template="volunteering/_cabinet.html", context=_cabinet_context)
        )
        register_personal_data(PersonalDataHandler(key="volunteering", export=export, erase=erase))
        register_profile_section(
            ProfileSection(
                key="volunteering",
                order=60,
                template="volunteering/_organization_ties.html",
                context=_ties_section,
            )
        )
        kinds = {
            "volunteering.response.created": _("Someone responds to your organisation's call"),
            "volunteering.response.decided": _("An organisation decides on your response"),
            "volunteering.call.cancelled": _("A call you responded to is cancelled"),
            "volunteering.hours.confirmed": _("Your volunteer hours are confirmed"),
            "volunteering.hours.disputed": _("A volunteer disputes the recorded hours"),
            "volunteering.alliance.requested": _("An organisation proposes a partnership"),
            "volunteering.alliance.answered": _("An organisation answers your partnership request"),
            "volunteering.coalition.invited": _("Your organisation is invited to a coalition"),
            "volunteering.coalition.answered": _("An organisation answers a coalition invitation"),
            "volunteering.internship.requested": _("Someone asks for your internship"),
            "volunteering.internship.decided": _("A host decides on your internship request"),
        }
        for code, label in kinds.items():
            register_notification_kind(code, label)
