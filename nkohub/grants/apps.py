import logging
from datetime import time

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class GrantsConfig(AppConfig):
    name = "nkohub.grants"
    verbose_name = _("Grants")

    def ready(self) -> None:
        from nkohub.grants import home

        home.register()
        self._connect_fragments()
        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.grants.cabinet import grants_cabinet_context
        from nkohub.grants.personal_data import erase_grants_data, export_grants_data

        register_cabinet_block(
            CabinetBlock(order=45, template="grants/_cabinet.html", context=grants_cabinet_context)
        )
        register_personal_data(
            PersonalDataHandler(key="grants", export=export_grants_data, erase=erase_grants_data)
        )
        self._register_notification_kinds()
        self._register_jobs()
        self._warm_pdf_renderer()

    def _connect_fragments(self) -> None:
        from nkohub.core.fragments import invalidate_on
        from nkohub.grants.models import Competition, Funder
        from nkohub.grants.selectors import CALENDAR_FRAGMENTS
        from nkohub.organizations.models import Sphere

        invalidate_on(CALENDAR_FRAGMENTS, Competition, Funder, Sphere)

    def _warm_pdf_renderer(self) -> None:
        """Task workers render the PDFs: with GRANTS_WARM_PDF_RENDERER they load WeasyPrint and
        the fonts at start, before RQ forks a process per task, so no task pays for it."""
        if not getattr(settings, "GRANTS_WARM_PDF_RENDERER", False):
            return
        from nkohub.grants.exports import warm_up_pdf

        try:
            warm_up_pdf()
        except Exception:  # no Pango here: PDFs fail with their own message, the rest works
            logging.getLogger(__name__).exception("Could not load the PDF renderer")

    def _register_notification_kinds(self) -> None:
        try:
            from nkohub.notifications.kinds import register_notification_kind
        except ImportError:  # an older notifications app: kinds are shown by their codes
            return
        kinds = {
            "grants.competition.closing": _("A competition you follow closes soon"),
            "grants.application.submitted": _("Your organisation's application is submitted"),
            "grants.application.won": _("Your organisation's application won"),
            "grants.application.not_supported": _(
                "Your organisation's application is not supported"
            ),
            "grants.application.withdrawn": _("Your organisation's application is withdrawn"),
            "grants.application.draft": _("Your organisation's application is a draft again"),
        }
        for code, label in kinds.items():
            register_notification_kind(code, label)

    def _register_jobs(self) -> None:
        try:
            from nkohub.notifications.scheduling import PeriodicJob, register_periodic_job
        except ImportError:  # no scheduler: run `manage.py send_grant_reminders` from cron
            return
        from nkohub.grants.services import send_competition_reminders

        register_periodic_job(
            PeriodicJob(
                name="grants.competition_reminders",
                title=_("Reminders before competitions close"),
                run=lambda: send_competition_reminders(),
                daily_at=time(9, 30),
            )
        )
