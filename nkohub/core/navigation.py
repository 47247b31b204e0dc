"""The main navigation: a section appears only when its app is installed and its URL resolves."""

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
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
    Section("analytics:dashboard", _("Dashboard")),
)


def available_sections(current_path: str = "") -> list[dict[str, object]]:
    """Sections whose URL resolves, each marked current when the page is inside it."""
    items: list[dict[str, object]] = []
    for section in SECTIONS:
        try:
            url = reverse(section.url_name)
        except NoReverseMatch:
            continue
        items.append(
            {
                "url": url,
                "label": str(section.label),
                "url_name": section.url_name,
                "current": bool(current_path) and current_path.startswith(url),
            }
        )
    return items
