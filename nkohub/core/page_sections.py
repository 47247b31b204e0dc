"""Sections of a page that apps of higher layers fill: the page lives in a lower app, which cannot
import the apps that know what to show on it (an organisation's profile shows offers, projects and
news; a coalition's page shows its members' news).

The lower app keeps one `SectionRegistry`; the others register their `PageSection`s from
AppConfig.ready(). `context(obj, user)` returns a dict for the section's template (which gets it as
`section`), or None to leave the section out for that object and viewer. The template renders its own
heading (h2).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SectionContextFn = Callable[[Any, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class PageSection:
    key: str
    order: int
    template: str
    context: SectionContextFn


class SectionRegistry:
    def __init__(self) -> None:
        self._sections: dict[str, PageSection] = {}

    def register(self, section: PageSection) -> None:
        self._sections[section.key] = section

    def unregister(self, key: str) -> None:
        self._sections.pop(key, None)

    def sections_for(self, obj: Any, user: Any) -> list[dict[str, Any]]:
        """The sections to render, in order: key, template and the template's `section` context."""
        rendered = []
        for section in sorted(self._sections.values(), key=lambda s: (s.order, s.key)):
            context = section.context(obj, user)
            if context is not None:
                rendered.append(
                    {"key": section.key, "template": section.template, "context": context}
                )
        return rendered
