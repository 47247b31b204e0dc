from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "nkohub.news"
    verbose_name = _("News")

    def ready(self) -> None:
        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.news.cabinet import news_cabinet_context
        from nkohub.news.personal_data import erase, export
        from nkohub.news.sections import coalition_section, news_section
        from nkohub.organizations.profile_sections import ProfileSection, register_profile_section
        from nkohub.volunteering.coalition_sections import (
            CoalitionSection,
            register_coalition_section,
        )

        register_profile_section(
            ProfileSection(
                key="news",
                order=15,
                template="news/_organization_section.html",
                context=news_section,
            )
        )
        register_coalition_section(
            CoalitionSection(
                key="news",
                order=10,
                template="news/_coalition_section.html",
                context=coalition_section,
            )
        )
        register_cabinet_block(
            CabinetBlock(order=38, template="news/_cabinet.html", context=news_cabinet_context)
        )
        register_personal_data(PersonalDataHandler(key="news", export=export, erase=erase))
        self._register_notification_kinds()

    def _register_notification_kinds(self) -> None:
        from nkohub.notifications.kinds import register_notification_kind

        kinds = {
            "news.item.submitted": _("A news item awaits moderation"),
            "news.item.published": _("Your news item is published"),
            "news.item.rejected": _("Your news item is not published"),
            "news.item.hidden": _("Your news item is hidden by the operator"),
            "news.pickup.taken": _("A media outlet takes your news into work"),
            "news.pickup.published": _("A media outlet publishes your news"),
        }
        for code, label in kinds.items():
            register_notification_kind(code, label)
