from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompetitionsConfig(AppConfig):
    name = "nkohub.competitions"
    verbose_name = _("Competitions run on the platform")

    def ready(self) -> None:
        from nkohub.competitions import wiring

        wiring.connect()
