from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _cabinet_context(user: Any) -> dict[str, Any] | None:
    from nkohub.learning.selectors import cabinet_summary

    return cabinet_summary(user) if user.is_authenticated else None


class LearningConfig(AppConfig):
    name = "nkohub.learning"
    verbose_name = _("Learning")

    def ready(self) -> None:
        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.learning.personal_data import erase, export

        register_cabinet_block(
            CabinetBlock(order=35, template="learning/_cabinet.html", context=_cabinet_context)
        )
        register_personal_data(PersonalDataHandler(key="learning", export=export, erase=erase))
