from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerritoriesConfig(AppConfig):
    name = "nkohub.territories"
    verbose_name = _("Territories")

    def ready(self) -> None:
        from nkohub.territories import home

        home.register()
