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
    Section("analytics:dashboard", _("Dashboard")),
)


def available_sections() -> list[dict[str, str]]:
    items = []
    for section in SECTIONS:
        try:
            url = reverse(section.url_name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": str(section.label), "url_name": section.url_name})
    return items
