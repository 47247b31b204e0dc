"""What the fair shows on the front page: open projects with their covers and how far their needs
are covered, the fair's dates in «Coming up», and the number of projects at the fair."""

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
from nkohub.projects import selectors

SHOWN = 3
DATES_AHEAD_DAYS = 45
WATCHED = (
    "projects.Project",
    "projects.FairEntry",
    "projects.ProjectNeed",
    "projects.Pledge",
    "projects.Partnership",
    "projects.Fulfilment",
    "organizations.Organization",  # names and logos on the cards
)


def fair_context(today: date) -> dict[str, Any]:
    return {"projects": selectors.fair_projects_for_home(SHOWN)}


def fair_dates(today: date) -> list[HomeDate]:
    season = selectors.current_season(today)
    if season is None:
        return []
    end = today + timedelta(days=DATES_AHEAD_DAYS)
    url = reverse("projects:fair")
    moments = [
        (
            season.submissions_open_on,
            pgettext("date on the front page", "projects are accepted from this day"),
        ),
        (
            season.submissions_close_on,
            pgettext("date on the front page", "last day to submit a project"),
        ),
        (season.starts_on, pgettext("date on the front page", "the fair opens")),
        (season.ends_on, pgettext("date on the front page", "the fair closes")),
    ]
    items = []
    for day, what in moments:
        if today <= day <= end:
            items.append(
                HomeDate(
                    day=day,
                    title=season.title,
                    what=what,
                    url=url,
                    urgent=day == season.submissions_close_on and (day - today).days <= 7,
                )
            )
    return items


def register() -> None:
    register_home_block(
        HomeBlock(
            key="projects.fair",
            order=30,
            template="projects/_home_fair.html",
            context=fair_context,
            depends_on=WATCHED,
        )
    )
    register_home_dates(
        HomeDates(key="projects", items=fair_dates, depends_on=("projects.FairSeason",))
    )
    register_home_figure(
        HomeFigure(
            key="projects.on_fair",
            order=30,
            label=_("Projects at the fair"),
            value=selectors.projects_on_fair_count,
            url_name="projects:fair",
            depends_on=("projects.FairEntry",),
        )
    )
