"""What the territories show on the front page: the number of the region's municipalities."""

from django.utils.translation import gettext_lazy as _

from nkohub.core.home import HomeFigure, register_home_figure
from nkohub.territories.selectors import home_municipalities


def register() -> None:
    register_home_figure(
        HomeFigure(
            key="territories.municipalities",
            order=90,
            label=_("Municipalities of the region"),
            value=lambda: home_municipalities().count(),
            depends_on=("territories.Municipality",),
        )
    )
