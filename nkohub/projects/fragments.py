"""Cached fragments of the fair's page: the filter form (its seasons, spheres and municipalities
change rarely, and rendering their options is most of the page's template time).

The fragments' keys carry a version that any write to what they show bumps (`connect`), so a
new season, sphere or municipality appears at once."""

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

FILTERS_VERSION_KEY = "projects:fair-filters-version"
FRAGMENT_SECONDS = 3600


def filters_version() -> int:
    version = cache.get(FILTERS_VERSION_KEY)
    if version is None:
        version = 1
        cache.set(FILTERS_VERSION_KEY, version, None)
    return int(version)


def bump_filters_version(**_: Any) -> None:
    try:
        cache.incr(FILTERS_VERSION_KEY)
    except ValueError:
        cache.set(FILTERS_VERSION_KEY, 2, None)


def connect() -> None:
    """Invalidate on every write to the models the filter form lists."""
    from nkohub.organizations.models import Sphere
    from nkohub.projects.models import FairSeason
    from nkohub.territories.models import Municipality

    for model in (FairSeason, Sphere, Municipality):
        uid = f"projects-fair-filters-{model._meta.label_lower}"
        post_save.connect(bump_filters_version, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(bump_filters_version, sender=model, dispatch_uid=uid + "-delete")
