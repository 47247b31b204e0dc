"""The demo figures: a year of subsidies (100 recipients, 15 300 000 ₽ in 2021), five years of the
Fund's results (117 applications, 45 supported: 38,5 %) beside a comparison region, media by month;
a second run changes nothing."""

from decimal import Decimal
from typing import Any

from nkohub.analytics import demo, figures
from nkohub.analytics.models import MediaFigure, Subsidy
from nkohub.core.demo_context import DemoContext
from nkohub.grants.models import RegionComparison


def test_the_demo_fills_the_figures_the_issue_names(
    funder: Any, region: Any, comparison_region: Any
) -> None:
    demo.load(DemoContext())
    totals = figures.subsidies(2021)
    assert totals is not None
    assert (totals.recipients, totals.amount) == (100, Decimal("15300000"))
    ours = figures.grant_results().ours
    assert ours is not None
    assert (ours.applications, ours.winners, ours.success_percent) == (117, 45, Decimal("38.5"))
    assert ours.years == "2017–2021"
    assert len(figures.grant_results().others) == 1
    counts = (
        Subsidy.objects.count(),
        RegionComparison.objects.count(),
        MediaFigure.objects.count(),
    )
    demo.load(DemoContext())
    assert (
        Subsidy.objects.count(),
        RegionComparison.objects.count(),
        MediaFigure.objects.count(),
    ) == counts
