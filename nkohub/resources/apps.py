from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _cabinet_context(user: Any) -> dict[str, Any] | None:
    from nkohub.resources.selectors import cabinet_counts

    return cabinet_counts(user) if user.is_authenticated else None


class ResourcesConfig(AppConfig):
    name = "nkohub.resources"
    verbose_name = _("Resource bank")

    def ready(self) -> None:
        from nkohub.resources import home

        home.register()
        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.resources.personal_data import erase, export

        register_cabinet_block(
            CabinetBlock(order=30, template="resources/_cabinet.html", context=_cabinet_context)
        )
        register_personal_data(PersonalDataHandler(key="resources", export=export, erase=erase))
