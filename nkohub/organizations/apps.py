from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "nkohub.organizations"
    verbose_name = _("Organizations")

    def ready(self) -> None:
        from nkohub.organizations import home, retention

        home.register()
        retention.register()
        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.organizations.cabinet import organizations_cabinet_context
        from nkohub.organizations.services import personal_data_erase, personal_data_export

        register_cabinet_block(
            CabinetBlock(
                order=1,  # right after the profile: joining an organisation comes first
                template="organizations/_cabinet.html",
                context=organizations_cabinet_context,
            )
        )
        register_personal_data(
            PersonalDataHandler(
                key="organizations", export=personal_data_export, erase=personal_data_erase
            )
        )
