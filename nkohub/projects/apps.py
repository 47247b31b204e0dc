from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "nkohub.projects"
    verbose_name = _("Social projects")

    def ready(self) -> None:
        from nkohub.projects import home

        home.register()
        self._connect_fragments()
        from nkohub.accounts.personal_data import PersonalDataHandler, register_personal_data
        from nkohub.core.cabinet import CabinetBlock, register_cabinet_block
        from nkohub.projects.cabinet import projects_cabinet_context
        from nkohub.projects.personal_data import erase_project_data, export_project_data

        register_cabinet_block(
            CabinetBlock(
                order=40, template="projects/_cabinet.html", context=projects_cabinet_context
            )
        )
        register_personal_data(
            PersonalDataHandler(
                key="projects", export=export_project_data, erase=erase_project_data
            )
        )
        self._register_notification_kinds()

    def _connect_fragments(self) -> None:
        from nkohub.core.fragments import invalidate_on
        from nkohub.organizations.models import Organization, Sphere
        from nkohub.projects import models
        from nkohub.projects.selectors import FAIR_FRAGMENTS
        from nkohub.territories.models import Municipality

        # the cards (a project, its organisation, spheres, places, needs and their coverage by
        # pledges), the season and the filters' seasons, spheres and municipalities
        invalidate_on(
            FAIR_FRAGMENTS,
            models.Project,
            models.FairEntry,
            models.FairSeason,
            models.ProjectNeed,
            models.Pledge,
            models.Partnership,
            models.Fulfilment,
            Organization,
            Sphere,
            Municipality,
        )

    def _register_notification_kinds(self) -> None:
        try:
            from nkohub.notifications.kinds import register_notification_kind
        except ImportError:  # an older notifications app: kinds are shown by their codes
            return
        kinds = {
            "projects.fair.submitted": _("A project is submitted to the fair"),
            "projects.fair.accepted": _("Your project is accepted to the fair"),
            "projects.fair.rejected": _("Your project is not accepted to the fair"),
            "projects.pledge.created": _("Someone offers support to your project"),
            "projects.pledge.accepted": _("Your offer of support is accepted"),
            "projects.pledge.declined": _("Your offer of support is declined"),
            "projects.pledge.withdrawn": _("An offer of support to your project is withdrawn"),
            "projects.fulfilment.recorded": _("A project records receiving your support"),
            "projects.partnership.ended": _("A project ends its partnership with you"),
            "projects.project.status_changed": _("A project you support changes its status"),
            "projects.results.reported": _("A project you support reports its results"),
        }
        for code, label in kinds.items():
            register_notification_kind(code, label)
