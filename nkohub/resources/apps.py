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
        self._connect_fragments()
        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.resources.personal_data import erase, export

        register_cabinet_block(
            CabinetBlock(order=30, template="resources/_cabinet.html", context=_cabinet_context)
        )
        register_personal_data(PersonalDataHandler(key="resources", export=export, erase=erase))

    def _connect_fragments(self) -> None:
        from nkohub.accounts.models import User
        from nkohub.core.fragments import invalidate_on
        from nkohub.organizations.models import Organization
        from nkohub.resources import models
        from nkohub.resources.selectors import CATALOGUE_FRAGMENTS
        from nkohub.territories.models import Municipality

        # the cards (offer, who offers it, where), the filters' municipalities, «free on» a day
        invalidate_on(
            CATALOGUE_FRAGMENTS,
            models.ResourceOffer,
            Organization,
            User,
            Municipality,
            models.AvailabilityRule,
            models.AvailabilityException,
            models.Booking,
        )
