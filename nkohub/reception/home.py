"""What the reception shows on the front page: the latest answers of authorities whose authors
agreed to publish them, and how many there are."""

from datetime import date
from typing import Any

from django.utils.translation import gettext_lazy as _

from nkohub.core.home import HomeBlock, HomeFigure, register_home_block, register_home_figure
from nkohub.reception.selectors import published_appeals

SHOWN = 3
WATCHED = ("reception.Appeal",)


def answers_context(today: date) -> dict[str, Any]:
    appeals = list(published_appeals()[:SHOWN])
    return {"appeals": appeals}


def register() -> None:
    register_home_block(
        HomeBlock(
            key="reception.answers",
            order=40,
            template="reception/_home_answers.html",
            context=answers_context,
            depends_on=WATCHED,
        )
    )
    register_home_figure(
        HomeFigure(
            key="reception.answers",
            order=50,
            label=_("Published answers of the authorities"),
            value=lambda: published_appeals().count(),
            url_name="reception:public",
            depends_on=WATCHED,
        )
    )
