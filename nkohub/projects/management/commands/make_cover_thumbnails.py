"""make_cover_thumbnails: queue the thumbnail of every project cover that has none (covers whose
task failed or was lost); safe to run at any time."""

from typing import Any

from django.core.management.base import BaseCommand

from nkohub.core.images import missing_thumbnails
from nkohub.projects import tasks
from nkohub.projects.models import COVER, Project


class Command(BaseCommand):
    help = "Queue thumbnails for projects' covers that have none."

    def handle(self, *args: Any, **options: Any) -> None:
        pks = missing_thumbnails(Project, COVER)
        for pk in pks:
            tasks.make_cover_thumbnail.enqueue(pk)
        self.stdout.write(
            self.style.SUCCESS(f"Обложек без миниатюры поставлено в очередь: {len(pks)}.")
        )
