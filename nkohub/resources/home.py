"""What the resource bank shows on the front page: the newest offers and how many are open."""

from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _

from nkohub.core.home import HomeBlock, HomeFigure, register_home_block, register_home_figure
from nkohub.resources.selectors import offers_catalogue

SHOWN = 4
WATCHED = ("resources.ResourceOffer", "organizations.Organization")


def offers_context(today: date) -> dict[str, Any]:
    return {"offers": list(offers_catalogue().order_by("-published_at", "-pk")[:SHOWN])}


def register() -> None:
    register_home_block(
        HomeBlock(
            key="resources.offers",
            order=50,
            template="resources/_home_offers.html",
            context=offers_context,
            depends_on=WATCHED,
        )
    )
    register_home_figure(
        HomeFigure(
            key="resources.offers",
            order=60,
            label=_("Offers in the resource bank"),
            value=lambda: offers_catalogue().count(),
            url_name="resources:catalogue",
            depends_on=("resources.ResourceOffer",),
        )
    )
