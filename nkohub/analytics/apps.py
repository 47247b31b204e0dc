from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "nkohub.analytics"
    verbose_name = _("Analytics")

    def ready(self) -> None:
        from nkohub.analytics.invalidation import connect_invalidation

        connect_invalidation()
        from nkohub.analytics.cabinet import analytics_cabinet_context
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block

        register_cabinet_block(
            CabinetBlock(
                order=90, template="analytics/_cabinet.html", context=analytics_cabinet_context
            )
        )
