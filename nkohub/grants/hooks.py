"""Links that apps of higher layers add to the grants' pages without grants importing them.

The competitions app, whose calls put competitions on the calendar, registers from its `ready()`
a function that gives the competition page the call's own page, and the application page its
«Подать заявку». Each function takes the person and the object and returns its links (none when
it has nothing to say); it must not run more than a query or two.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from nkohub.grants.models import Application, Competition


@dataclass(frozen=True)
class PageLink:
    label: "str | Promise"
    url: str
    primary: bool = False
    note: "str | Promise" = ""


CompetitionLinks = Callable[[Any, Competition], list[PageLink]]
ApplicationLinks = Callable[[Any, Application], list[PageLink]]

_competition_links: list[CompetitionLinks] = []
_application_links: list[ApplicationLinks] = []


def register_competition_links(links: CompetitionLinks) -> None:
    if links not in _competition_links:
        _competition_links.append(links)


def register_application_links(links: ApplicationLinks) -> None:
    if links not in _application_links:
        _application_links.append(links)


def competition_links(user: Any, competition: Competition) -> list[PageLink]:
    return [link for links in _competition_links for link in links(user, competition)]


def application_links(user: Any, application: Application) -> list[PageLink]:
    return [link for links in _application_links for link in links(user, application)]
