"""Sections of an organisation's public profile that other apps fill (offers, projects, news, answers).

Apps register theirs in AppConfig.ready(), like cabinet blocks:

    register_profile_section(ProfileSection(
        key="resources", order=20, template="resources/_organization_offers.html",
        context=lambda organization, user: {"offers": offers_of(organization)[:5]} or None))

`context(organization, user)` returns a dict for the template (which gets it as `section`), or None
to leave the section out for that organisation and viewer. The template renders its own heading (h2).
"""

from nkohub.core.page_sections import PageSection, SectionRegistry

ProfileSection = PageSection

_registry = SectionRegistry()
register_profile_section = _registry.register
unregister_profile_section = _registry.unregister
sections_for = _registry.sections_for
