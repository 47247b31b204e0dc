"""Background work of the analytics app (django.tasks)."""

from nkohub.notifications.background import background_task


@background_task(max_attempts=1)
def render_sector_report(report_id: int) -> None:
    """A failed report is marked failed with its error; the operator orders it again."""
    from nkohub.analytics.report_jobs import report_execute

    report_execute(report_id=report_id)
