"""What the registry shows on the front page: how many of the region's non-profits it lists."""

from django.utils.translation import gettext_lazy as _

from nkohub.core.home import HomeFigure, register_home_figure
from nkohub.organizations.selectors import registry_count


def register() -> None:
    register_home_figure(
        HomeFigure(
            key="organizations.ngos",
            order=10,
            label=_("Non-profits in the registry"),
            value=registry_count,  # the directory's own figure for ?kind=ngo
            url_name="organizations:directory",
            url_query="kind=ngo",
            depends_on=("organizations.Organization",),
        )
    )
