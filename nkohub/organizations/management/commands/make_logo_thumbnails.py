"""make_logo_thumbnails: queue the thumbnail of every logo that has none (logos uploaded before
thumbnails existed, or whose task failed); run it once after upgrading."""

from typing import Any

from django.core.management.base import BaseCommand

from nkohub.core.images import missing_thumbnails
from nkohub.organizations import tasks
from nkohub.organizations.models import LOGO, Organization


class Command(BaseCommand):
    help = "Queue thumbnails for organisations' logos that have none."

    def handle(self, *args: Any, **options: Any) -> None:
        pks = missing_thumbnails(Organization, LOGO)
        for pk in pks:
            tasks.make_logo_thumbnail.enqueue(pk)
        self.stdout.write(
            self.style.SUCCESS(f"Логотипов без миниатюры поставлено в очередь: {len(pks)}.")
        )
