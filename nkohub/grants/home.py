"""What the grants app shows on the front page: competitions open now with the days left,
their opening and closing dates in «Coming up», and the region's grants won."""

from datetime import date, timedelta
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from nkohub.core.home import (
    HomeBlock,
    HomeDate,
    HomeDates,
    HomeFigure,
    register_home_block,
    register_home_dates,
    register_home_figure,
)
from nkohub.grants import selectors

SHOWN = 4
DATES_AHEAD_DAYS = 45
URGENT_DAYS = 7
WATCHED = ("grants.Competition", "grants.Funder")


def competitions_context(today: date) -> dict[str, Any]:
    open_now = selectors.competitions_calendar(today=today, when="open").prefetch_related(None)
    competitions = list(open_now[:SHOWN])
    return {
        "competitions": [{"competition": c, "days_left": c.days_left(today)} for c in competitions],
        "total": open_now.count(),
        "urgent_days": URGENT_DAYS,
    }


def competition_dates(today: date) -> list[HomeDate]:
    end = today + timedelta(days=DATES_AHEAD_DAYS)
    items = []
    for competition in selectors.competitions_with_dates_between(today, end):
        url = reverse("grants:competition", args=[competition.pk])
        if today < competition.applications_open_on <= end:
            items.append(
                HomeDate(
                    day=competition.applications_open_on,
                    title=competition.title,
                    what=pgettext("date on the front page", "applications open"),
                    url=url,
                )
            )
        if today <= competition.applications_close_on <= end:
            items.append(
                HomeDate(
                    day=competition.applications_close_on,
                    title=competition.title,
                    what=pgettext("date on the front page", "last day for applications"),
                    url=url,
                    urgent=(competition.applications_close_on - today).days <= URGENT_DAYS,
                )
            )
    return items


def register() -> None:
    register_home_block(
        HomeBlock(
            key="grants.competitions",
            order=20,
            template="grants/_home_competitions.html",
            context=competitions_context,
            depends_on=WATCHED,
        )
    )
    register_home_dates(HomeDates(key="grants", items=competition_dates, depends_on=WATCHED))
    register_home_figure(
        HomeFigure(
            key="grants.won",
            order=40,
            label=_("Grants won by the region's organisations"),
            value=selectors.region_won_applications_count,
            url_name="grants:statistics",
            depends_on=("grants.Application",),
        )
    )
