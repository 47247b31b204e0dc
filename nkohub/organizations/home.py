"""What the registry shows on the front page: how many of the region's non-profits it lists."""

from django.utils.translation import gettext_lazy as _

from nkohub.core.home import HomeFigure, register_home_figure
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import published_organizations


def registry_ngo_count() -> int:
    return published_organizations().filter(kind=Organization.Kind.NGO).count()


def register() -> None:
    register_home_figure(
        HomeFigure(
            key="organizations.ngos",
            order=10,
            label=_("Non-profits in the registry"),
            value=registry_ngo_count,
            url_name="organizations:directory",
            depends_on=("organizations.Organization",),
        )
    )
