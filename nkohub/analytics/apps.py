from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalyticsConfig(AppConfig):
    name = "nkohub.analytics"
    verbose_name = _("Analytics")

    def ready(self) -> None:
        from nkohub.analytics.dashboard import connect_invalidation

        connect_invalidation()
