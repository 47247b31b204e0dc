"""The scheduled job (and `manage.py publish_open_data`): every dataset's version of today."""

from django.conf import settings
from django.urls import reverse

from nkohub.api.opendata.datasets import DATASETS
from nkohub.api.opendata.publishing import publish


def publish_open_data() -> str:
    written = []
    for dataset in DATASETS:
        base = settings.SITE_URL + reverse("opendata:dataset", args=[dataset.identifier])
        written.append(f"{dataset.identifier}: {publish(dataset, base_url=base)}")
    return "open data written — " + ", ".join(written)
