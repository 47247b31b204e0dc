"""The front page: blocks that apps contribute, each rendered once and cached.

Apps register what they show in AppConfig.ready() (through their own `home.py`):

    register_home_block(HomeBlock(
        key="grants.competitions", order=20, template="grants/_home_competitions.html",
        context=competitions_context, depends_on=("grants.Competition",)))
    register_home_figure(HomeFigure(
        key="projects.on_fair", order=30, label=_("projects at the fair"), value=count_fn,
        url_name="projects:fair", depends_on=("projects.FairEntry",)))
    register_home_dates(HomeDates(key="grants", items=dates_fn, depends_on=("grants.Competition",)))

`context(today)` reads through the app's selectors and returns the template's context, or None to
leave the block out; the template shows its own empty state. Figures and dates of all apps are
gathered into two blocks of core's own («The region in figures», «Coming up»).

Caching: a block is the same for every visitor, so its HTML is cached whole (blocks are rendered
without the request: nothing personal can leak into them). The key holds the block's version, the
language and today's date, so «days left» roll over at midnight. A save or delete of a model a
block depends on gives the block a new version once the transaction commits, so a new competition
or a published answer shows at once; writes that send no signals (bulk imports, `update()`) show
within `HOME_CACHE_SECONDS` (10 minutes by default), the timeout every entry has anyway.
With the cache unavailable the blocks are rendered on every request.
"""

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe

logger = logging.getLogger(__name__)

ContextFn = Callable[[date], dict[str, Any] | None]


@dataclass(frozen=True)
class HomeBlock:
    key: str
    order: int
    template: str
    context: ContextFn
    depends_on: tuple[str, ...] = ()  # "app_label.Model" whose writes refresh the block


@dataclass(frozen=True)
class HomeFigure:
    """One headline number of the region, e.g. NGOs in the registry."""

    key: str
    order: int
    label: str | Promise
    value: Callable[[], int]
    url_name: str = ""
    url_query: str = ""  # e.g. "kind=ngo": the figure links to the list it counts
    depends_on: tuple[str, ...] = ()


@dataclass(frozen=True)
class HomeDate:
    """A dated item of «Coming up»: a deadline, an opening, an event."""

    day: date
    title: str
    what: str  # what happens that day: «last day for applications», «the fair opens»
    url: str = ""
    urgent: bool = False


@dataclass(frozen=True)
class HomeDates:
    key: str
    items: Callable[[date], list[HomeDate]]
    depends_on: tuple[str, ...] = ()


@dataclass
class _Registry:
    blocks: dict[str, HomeBlock] = field(default_factory=dict)
    figures: dict[str, HomeFigure] = field(default_factory=dict)
    dates: dict[str, HomeDates] = field(default_factory=dict)
    watched: set[tuple[str, str]] = field(default_factory=set)


_registry = _Registry()

FIGURES_BLOCK = "core.figures"
DATES_BLOCK = "core.dates"
DATES_SHOWN = 6


def register_home_block(block: HomeBlock) -> None:
    _registry.blocks[block.key] = block
    _watch(block.key, block.depends_on)


def register_home_figure(figure: HomeFigure) -> None:
    _registry.figures[figure.key] = figure
    _watch(FIGURES_BLOCK, figure.depends_on)


def register_home_dates(dates: HomeDates) -> None:
    _registry.dates[dates.key] = dates
    _watch(DATES_BLOCK, dates.depends_on)


def unregister(key: str) -> None:
    """Tests: take a block, a figure or a dates source out."""
    for registered in (_registry.blocks, _registry.figures, _registry.dates):
        registered.pop(key, None)


# --- cache versions ------------------------------------------------------------------------------


def _cache_seconds() -> int:
    return int(settings.HOME_CACHE_SECONDS)


def _version_key(block_key: str) -> str:
    return f"home:{block_key}:version"


def refresh(block_key: str) -> None:
    """Give the block a new version: its cached HTML is not used again."""
    try:
        cache.set(_version_key(block_key), uuid.uuid4().hex[:12], timeout=None)
    except Exception:  # a cache that is down has nothing stale to serve
        logger.warning("Could not refresh the home block %s in the cache", block_key)


def refresh_all() -> None:
    """Every block is rendered afresh on the next visit (e.g. after a bulk import)."""
    for block in _blocks():
        refresh(block.key)


def _refresh_on_commit(block_key: str) -> Callable[..., None]:
    def receiver(**kwargs: Any) -> None:
        if kwargs.get("raw"):  # loaddata
            return
        transaction.on_commit(lambda: refresh(block_key), using=kwargs.get("using"))

    return receiver


def _watch(block_key: str, labels: tuple[str, ...]) -> None:
    for label in labels:
        if (block_key, label) in _registry.watched:
            continue
        model = apps.get_model(label)
        receiver = _refresh_on_commit(block_key)
        uid = f"home:{block_key}:{label}"
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
        for m2m in model._meta.many_to_many:
            through = getattr(model, m2m.name).through
            m2m_changed.connect(receiver, sender=through, weak=False, dispatch_uid=f"{uid}:{m2m}")
        _registry.watched.add((block_key, label))


# --- rendering -----------------------------------------------------------------------------------


def _blocks() -> list[HomeBlock]:
    blocks = list(_registry.blocks.values())
    if _registry.figures:
        blocks.append(
            HomeBlock(
                key=FIGURES_BLOCK, order=0, template="core/_home_figures.html", context=_figures
            )
        )
    if _registry.dates:
        blocks.append(
            HomeBlock(key=DATES_BLOCK, order=25, template="core/_home_dates.html", context=_dates)
        )
    return sorted(blocks, key=lambda b: (b.order, b.key))


def _figures(today: date) -> dict[str, Any]:
    figures = []
    for figure in sorted(_registry.figures.values(), key=lambda f: (f.order, f.key)):
        try:
            url = reverse(figure.url_name) if figure.url_name else ""
            if url and figure.url_query:
                url = f"{url}?{figure.url_query}"
        except NoReverseMatch:
            url = ""
        figures.append({"label": figure.label, "value": figure.value(), "url": url})
    return {"figures": figures}


def _dates(today: date) -> dict[str, Any]:
    items = [item for source in _registry.dates.values() for item in source.items(today)]
    items.sort(key=lambda item: (item.day, item.title))
    return {"dates": items[:DATES_SHOWN], "today": today}


def _render(block: HomeBlock, today: date) -> str:
    context = block.context(today)
    if context is None:
        return ""
    return render_to_string(
        block.template,
        {**context, "today": today, "block_id": block.key.replace(".", "-").replace("_", "-")},
    )


def _safe_cache_call(method: str, *args: Any, default: Any) -> Any:
    try:
        return getattr(cache, method)(*args)
    except Exception:
        logger.warning("The cache is unavailable (%s): home blocks are rendered live", method)
        return default


def rendered_blocks(today: date | None = None) -> list[SafeString]:
    """The HTML of every block in order, from the cache where it is fresh."""
    today = today or timezone.localdate()
    blocks = _blocks()
    version_keys = [_version_key(b.key) for b in blocks]
    versions: dict[str, Any] = _safe_cache_call("get_many", version_keys, default={})
    new_versions = {key: uuid.uuid4().hex[:12] for key in version_keys if key not in versions}
    if new_versions:
        _safe_cache_call("set_many", new_versions, None, default=None)
        versions.update(new_versions)
    language = translation.get_language() or settings.LANGUAGE_CODE
    html_keys = {
        b.key: f"home:{b.key}:{versions[_version_key(b.key)]}:{language}:{today.isoformat()}"
        for b in blocks
    }
    cached: dict[str, Any] = _safe_cache_call("get_many", list(html_keys.values()), default={})
    fresh: dict[str, str] = {}
    html = []
    for block in blocks:
        key = html_keys[block.key]
        if key in cached:
            part = cached[key]
        else:
            part = fresh[key] = _render(block, today)
        if part:
            html.append(mark_safe(part))  # our own templates, rendered above (and escaped there)
    if fresh:
        _safe_cache_call("set_many", fresh, _cache_seconds(), default=None)
    return html
