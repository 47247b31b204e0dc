from datetime import timedelta
from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _cabinet_context(user: Any) -> dict[str, Any] | None:
    from nkohub.events.selectors import cabinet_summary

    return cabinet_summary(user) if user.is_authenticated else None


class EventsConfig(AppConfig):
    name = "nkohub.events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.events.personal_data import erase, export
        from nkohub.notifications.kinds import register_notification_kind
        from nkohub.notifications.scheduling import PeriodicJob, register_periodic_job

        register_cabinet_block(
            CabinetBlock(order=36, template="events/_cabinet.html", context=_cabinet_context)
        )
        register_personal_data(PersonalDataHandler(key="events", export=export, erase=erase))
        from nkohub.events.selectors import profile_section
        from nkohub.organizations.profile_sections import ProfileSection, register_profile_section

        register_profile_section(
            ProfileSection(
                key="events",
                order=40,
                template="events/_organization_events.html",
                context=profile_section,
            )
        )

        from nkohub.events.jobs import NOTIFICATION_KINDS, send_reminders

        register_periodic_job(
            PeriodicJob(
                name="events.reminders",
                title=_("Event reminders and feedback requests"),
                run=send_reminders,
                every=timedelta(minutes=30),
            )
        )
        for code, label in NOTIFICATION_KINDS.items():
            register_notification_kind(code, label)
