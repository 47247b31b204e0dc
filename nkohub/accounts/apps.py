from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "nkohub.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from nkohub.accounts import retention

        retention.register_rules()
