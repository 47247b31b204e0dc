from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _cabinet_context(user: Any) -> dict[str, Any] | None:
    from nkohub.surveys.selectors import cabinet_summary

    return cabinet_summary(user) if user.is_authenticated else None


def _send_reminders() -> str:
    from nkohub.surveys.services import surveys_remind_due

    return surveys_remind_due()


class SurveysConfig(AppConfig):
    name = "nkohub.surveys"
    verbose_name = _("Surveys")

    def ready(self) -> None:
        from datetime import time

        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.notifications.kinds import register_notification_kind
        from nkohub.notifications.scheduling import PeriodicJob, register_periodic_job

        register_cabinet_block(
            CabinetBlock(order=44, template="surveys/_cabinet.html", context=_cabinet_context)
        )
        from nkohub.surveys.personal_data import erase, export

        register_personal_data(PersonalDataHandler(key="surveys", export=export, erase=erase))
        register_notification_kind(
            "surveys.survey.reminder", _("A survey is waiting for your answer")
        )
        register_periodic_job(
            PeriodicJob(
                name="surveys.reminders",
                title=_("Reminders of surveys that close soon"),
                run=_send_reminders,
                daily_at=time(10, 0),
            )
        )
