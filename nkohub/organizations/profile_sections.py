"""Sections of an organisation's public profile that other apps fill (offers, projects, news, answers).

Apps register theirs in AppConfig.ready(), like cabinet blocks:

    register_profile_section(ProfileSection(
        key="resources", order=20, template="resources/_organization_offers.html",
        context=lambda organization, user: {"offers": offers_of(organization)[:5]} or None))

`context(organization, user)` returns a dict for the template (which gets it as `section`), or None
to leave the section out for that organisation and viewer. The template renders its own heading (h2).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SectionContextFn = Callable[[Any, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class ProfileSection:
    key: str
    order: int
    template: str
    context: SectionContextFn


_sections: dict[str, ProfileSection] = {}


def register_profile_section(section: ProfileSection) -> None:
    _sections[section.key] = section


def unregister_profile_section(key: str) -> None:
    _sections.pop(key, None)


def sections_for(organization: Any, user: Any) -> list[dict[str, Any]]:
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.context(organization, user)
        if context is not None:
            rendered.append({"key": section.key, "template": section.template, "context": context})
    return rendered
