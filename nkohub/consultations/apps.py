from datetime import time
from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _cabinet_context(user: Any) -> dict[str, Any] | None:
    from nkohub.consultations.selectors import cabinet_summary

    return cabinet_summary(user) if user.is_authenticated else None


class ConsultationsConfig(AppConfig):
    name = "nkohub.consultations"
    verbose_name = _("Consultations")

    def ready(self) -> None:
        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.consultations.jobs import NOTIFICATION_KINDS, escalate_overdue
        from nkohub.consultations.personal_data import erase, export
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.notifications.kinds import register_notification_kind
        from nkohub.notifications.scheduling import PeriodicJob, register_periodic_job

        register_cabinet_block(
            CabinetBlock(order=38, template="consultations/_cabinet.html", context=_cabinet_context)
        )
        register_personal_data(PersonalDataHandler(key="consultations", export=export, erase=erase))
        register_periodic_job(
            PeriodicJob(
                name="consultations.escalate_overdue",
                title=_("Escalation of overdue questions to experts"),
                run=escalate_overdue,
                daily_at=time(9, 0),
            )
        )
        for code, label in NOTIFICATION_KINDS.items():
            register_notification_kind(code, label)
