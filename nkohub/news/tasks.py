"""Background work of news: photos get their thumbnails."""

from nkohub.notifications.background import background_task


@background_task(max_attempts=3)
def make_photo_thumbnail(photo_id: int) -> str:
    from nkohub.news.services import photo_thumbnail_make

    return photo_thumbnail_make(photo_id=photo_id)
