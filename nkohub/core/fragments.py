"""Cached HTML fragments of the public lists, keyed on what they show and dropped on write.

A fragment belongs to a *group* ("grants.calendar", "resources.catalogue"). The group's version is
part of every key, and any write to a model the group shows gives it a new version
(`invalidate_on`, connected in the app's `ready()`), so a changed row appears at once: a fragment
is kept with the version it was rendered at and shown only while that is the group's version. The rest of the key is whatever
else the HTML depends on — the query string, the language, the day, the viewer's own marks — given
by the caller:

    html = fragments.cached("grants.calendar", {"results": render}, request.GET.urlencode(), today)
    html["results"]

The view calls `cached` before it touches the database for the fragment: on a hit no query runs.
A cache that is down costs a live render, never an error (core.cache.ResilientRedisCache).
"""

import hashlib
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

FRAGMENT_SECONDS = 3600


def _version_key(group: str) -> str:
    return f"fragment:{group}:version"


def version(group: str) -> str:
    """The group's current version (made on first use)."""
    key = _version_key(group)
    current = cache.get(key)
    if current is None:
        current = uuid.uuid4().hex[:12]
        if not cache.add(key, current, timeout=None):
            current = cache.get(key, current)
    return str(current)


def bump(group: str) -> None:
    """A new version for the group: nothing cached before is shown again."""
    cache.set(_version_key(group), uuid.uuid4().hex[:12], timeout=None)


def fragment_key(group: str, name: str, *parts: object) -> str:
    language = translation.get_language() or ""
    digest = hashlib.blake2b(
        "\x1f".join(str(part) for part in (language, *parts)).encode(), digest_size=16
    ).hexdigest()
    return f"fragment:{group}:{name}:{digest}"


def cached(
    group: str, renders: Mapping[str, Callable[[], str]], *parts: object
) -> dict[str, SafeString]:
    """The group's fragments named in `renders` for `parts` (and the active language): from the
    cache, else rendered by their function and kept for FRAGMENT_SECONDS.

    One read fetches the group's version and every fragment: each is stored with the version it
    was rendered at and used only while that is still the group's version."""
    keys = {name: fragment_key(group, name, *parts) for name in renders}
    found = cache.get_many([_version_key(group), *keys.values()])
    current = found.get(_version_key(group)) or version(group)
    html: dict[str, SafeString] = {}
    missing: dict[str, tuple[str, str]] = {}
    for name, key in keys.items():
        stored = found.get(key)
        if isinstance(stored, tuple) and stored[0] == current:
            text = stored[1]
        else:
            text = str(renders[name]())
            missing[key] = (current, text)
        html[name] = mark_safe(text)  # HTML the platform's own templates rendered
    if missing:
        cache.set_many(missing, FRAGMENT_SECONDS)
    return html


# A save that writes only these changes nothing a list shows (a log-in stamps last_login).
UNSHOWN_FIELDS = frozenset({"last_login"})


# Which groups show each model: a bulk write that sends no signals (an import's COPY, a queryset's
# update()) calls `bump_for(model)` when it is done.
_GROUPS_OF: dict[str, set[str]] = {}


def bump_for(model: type[models.Model]) -> None:
    """A new version for every group that shows `model`: for writes that bypass the signals."""
    for group in sorted(_GROUPS_OF.get(model._meta.label_lower, ())):
        bump(group)


def invalidate_on(group: str, *watched: type[models.Model]) -> None:
    """Bump the group's version on every save or delete of the `watched` models and every change
    of their many-to-many relations: at once (the writer's own next page) and again when the
    transaction commits (a page rendered meanwhile from the old rows is not kept)."""

    def changed(update_fields: Any = None, **_: Any) -> None:
        if update_fields and set(update_fields) <= UNSHOWN_FIELDS:
            return
        bump(group)
        transaction.on_commit(lambda: bump(group))

    for model in watched:
        _GROUPS_OF.setdefault(model._meta.label_lower, set()).add(group)
        uid = f"fragment-{group}-{model._meta.label_lower}"
        post_save.connect(changed, sender=model, weak=False, dispatch_uid=uid + "-save")
        post_delete.connect(changed, sender=model, weak=False, dispatch_uid=uid + "-delete")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                changed, sender=through, weak=False, dispatch_uid=f"{uid}-{field.name}-m2m"
            )
