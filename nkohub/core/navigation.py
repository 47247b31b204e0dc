"""The main navigation: a section appears only when its app is installed and its URL resolves."""

from dataclasses import dataclass

from django.urls import (
    NoReverseMatch,
    URLResolver,
    get_resolver,
    get_script_prefix,
    get_urlconf,
    reverse,
)
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    url_name: str
    label: str | Promise


SECTIONS: tuple[Section, ...] = (
    Section("organizations:directory", _("Registry")),
    Section("resources:catalogue", _("Resources")),
    Section("reception:public", _("Reception")),
    Section("projects:fair", _("Project fair")),
    Section("grants:calendar", _("Grants")),
    Section("learning:index", _("Learning")),
    Section("events:index", _("Events")),
    Section("consultations:index", _("Consultations")),
    Section("news:index", _("News")),
    Section("ideas:index", _("Ideas")),
    Section("volunteering:index", _("Volunteers")),
    Section("surveys:index", _("Surveys")),
    Section("analytics:dashboard", _("Dashboard")),
)


def _section_urls() -> list[tuple[Section, str]]:
    """The sections whose URL resolves, with their URLs: reversed once per URL configuration
    (a test that overrides ROOT_URLCONF or the installed apps gets a new resolver, and new URLs)."""
    urlconf = get_urlconf()
    resolver = get_resolver(urlconf)
    key = (urlconf, get_script_prefix())
    cached = _reversed.get(key)
    if cached is not None and cached[0] is resolver:
        return cached[1]
    found = []
    for section in SECTIONS:
        try:
            found.append((section, reverse(section.url_name)))
        except NoReverseMatch:
            continue
    _reversed[key] = (resolver, found)
    return found


_reversed: dict[tuple[str | None, str], tuple[URLResolver, list[tuple[Section, str]]]] = {}


def available_sections(current_path: str = "") -> list[dict[str, object]]:
    """Sections whose URL resolves, each marked current when the page is inside it."""
    return [
        {
            "url": url,
            "label": str(section.label),
            "url_name": section.url_name,
            "current": bool(current_path) and current_path.startswith(url),
        }
        for section, url in _section_urls()
    ]
