"""Background work of the grants app (django.tasks)."""

from nkohub.notifications.background import background_task


@background_task(max_attempts=1)
def render_application_export(export_id: int) -> None:
    """A failed export is marked failed with its error; the person asks again from the page."""
    from nkohub.grants.export_jobs import application_export_execute

    application_export_execute(export_id=export_id)
