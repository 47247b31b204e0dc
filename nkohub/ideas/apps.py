from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _cabinet_context(user: Any) -> dict[str, Any] | None:
    from nkohub.ideas.selectors import cabinet_summary

    return cabinet_summary(user) if user.is_authenticated else None


class IdeasConfig(AppConfig):
    name = "nkohub.ideas"
    verbose_name = _("Idea bank")

    def ready(self) -> None:
        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.ideas.personal_data import erase, export
        from nkohub.notifications.kinds import register_notification_kind

        register_cabinet_block(
            CabinetBlock(order=42, template="ideas/_cabinet.html", context=_cabinet_context)
        )
        register_personal_data(PersonalDataHandler(key="ideas", export=export, erase=erase))
        for code, label in (
            ("ideas.idea.status", _("The status of an idea you proposed or support changed")),
            ("ideas.idea.appeal", _("An idea you proposed or support is sent to an authority")),
            ("ideas.comment.added", _("A new comment on your idea")),
            ("ideas.comment.hidden", _("A moderator hid your comment on an idea")),
        ):
            register_notification_kind(code, label)
