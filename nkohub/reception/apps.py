from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReceptionConfig(AppConfig):
    name = "nkohub.reception"
    verbose_name = _("Online reception")

    def ready(self) -> None:
        from nkohub.reception import home

        home.register()
        self._connect_fragments()
        from nkohub.core.working_days import register_working_calendar
        from nkohub.reception.production_calendar import ProductionCalendar

        register_working_calendar(ProductionCalendar)
        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.reception import personal_data, retention, selectors

        retention.register()

        register_cabinet_block(
            CabinetBlock(
                order=30, template="reception/_cabinet.html", context=selectors.cabinet_context
            )
        )
        register_personal_data(
            PersonalDataHandler(
                key="reception",
                export=personal_data.export_appeals,
                erase=personal_data.erase_appeals,
            )
        )
        self._register_with_notifications()

    def _register_with_notifications(self) -> None:
        """The reminders job and the kinds of notifications, where the notifications app offers them."""
        try:
            from nkohub.notifications.kinds import register_notification_kind
            from nkohub.notifications.scheduling import PeriodicJob, register_periodic_job
        except (
            ImportError
        ):  # an older notifications app: `manage.py send_reception_reminders` from cron
            return
        from datetime import time

        from nkohub.reception.jobs import (
            NOTIFICATION_KINDS,
            send_reminders,
            warn_about_missing_calendar,
        )

        register_periodic_job(
            PeriodicJob(
                name="reception.deadline_reminders",
                title=_("Reminders of appeal deadlines"),
                run=send_reminders,
                daily_at=time(8, 0),
            )
        )
        register_periodic_job(
            PeriodicJob(
                name="reception.calendar_warning",
                title=_("Warning about a year without a production calendar"),
                run=warn_about_missing_calendar,
                daily_at=time(7, 30),
            )
        )
        for code, label in NOTIFICATION_KINDS.items():
            register_notification_kind(code, label)

    def _connect_fragments(self) -> None:
        from nkohub.core.fragments import invalidate_on
        from nkohub.organizations.models import Organization
        from nkohub.reception.models import Appeal, Topic
        from nkohub.reception.selectors import PUBLIC_FRAGMENTS

        # the answers (an appeal, its authority and topic) and the filters' authorities and topics
        invalidate_on(PUBLIC_FRAGMENTS, Appeal, Organization, Topic)
