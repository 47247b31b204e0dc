"""Sections of a coalition's page that apps of higher layers fill (news: the members' shared feed).

    register_coalition_section(CoalitionSection(
        key="news", order=10, template="news/_coalition_section.html",
        context=lambda coalition, user: {"items": ...} or None))

The contract is that of `nkohub.core.page_sections`.
"""

from nkohub.core.page_sections import PageSection, SectionRegistry

CoalitionSection = PageSection

_registry = SectionRegistry()
register_coalition_section = _registry.register
unregister_coalition_section = _registry.unregister
sections_for = _registry.sections_for
