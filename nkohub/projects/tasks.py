"""Background work of the projects app: covers get their thumbnails."""

from nkohub.notifications.background import background_task


@background_task(max_attempts=3)
def make_cover_thumbnail(project_id: int) -> str:
    from nkohub.projects.services import project_cover_thumbnail_make

    return project_cover_thumbnail_make(project_id=project_id)
