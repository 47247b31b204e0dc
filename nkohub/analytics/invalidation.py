"""The dashboard's cache is renewed when anything it shows changes: the other apps' models, named by
label so that this app imports none of them (it reads them through their selectors)."""

from django.apps import apps

from nkohub.analytics.dashboard import FRAGMENTS
from nkohub.core import fragments

WATCHED = (
    "analytics.Subsidy",
    "analytics.MediaFigure",
    "analytics.DashboardBlock",
    "organizations.Organization",
    "organizations.Sphere",
    "organizations.LegalForm",
    "grants.RegionComparison",
    "grants.Application",
    "news.NewsItem",
    "news.Pickup",
    "news.Mention",
    "reception.Appeal",
    "resources.ResourceOffer",
    "projects.FairEntry",
    "learning.Course",
    "learning.Material",
    "events.Event",
    "competitions.Submission",
)


def connect_invalidation() -> None:
    """Called from the app's ready(): the models are named by label, so this app imports none of
    the other apps' models (it reads them through their selectors)."""
    watched = []
    for label in WATCHED:
        try:
            watched.append(apps.get_model(label))
        except LookupError:  # an app not installed in this deployment
            continue
    fragments.invalidate_on(FRAGMENTS, *watched)
