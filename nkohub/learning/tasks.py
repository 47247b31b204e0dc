"""Background work of learning: a library material's preview and text."""

from nkohub.notifications.background import background_task


@background_task(max_attempts=2)
def make_material_preview(material_id: int) -> str:
    from nkohub.learning.services import material_preview_make

    return material_preview_make(material_id=material_id)
