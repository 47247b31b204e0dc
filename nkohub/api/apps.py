from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _cabinet_context(user: Any) -> dict[str, Any] | None:
    from nkohub.api.selectors import cabinet_summary

    return cabinet_summary(user)


class ApiConfig(AppConfig):
    name = "nkohub.api"
    label = "api"
    verbose_name = _("API and open data")

    def ready(self) -> None:
        from datetime import time

        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.api import webhook_events
        from nkohub.api.opendata.jobs import publish_open_data
        from nkohub.api.personal_data import erase, export
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.notifications.scheduling import PeriodicJob, register_periodic_job

        webhook_events.connect()
        register_cabinet_block(
            CabinetBlock(order=80, template="api/_cabinet.html", context=_cabinet_context)
        )
        register_personal_data(PersonalDataHandler(key="api", export=export, erase=erase))
        register_periodic_job(
            PeriodicJob(
                name="api.open_data",
                title=_("Open data files regenerated"),
                run=publish_open_data,
                daily_at=time(3, 30),
            )
        )
