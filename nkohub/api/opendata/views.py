"""The open data section (/opendata/): the list of datasets (also as list.csv), each dataset's
passport and versions, and its files. Public: the data is what the portal shows to everyone."""

import csv
import io

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from nkohub.api.opendata.datasets import DATASETS, dataset
from nkohub.api.opendata.publishing import FILE_NAME, folder, passport, versions

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    items = [{"dataset": d, "latest": next(iter(versions(d)), None)} for d in DATASETS]
    return render(request, "api/opendata_index.html", {"items": items})


@require_safe
def registry(request: HttpRequest) -> HttpResponse:
    """list.csv: the register of the section's datasets (property, title, value, format)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["property", "title", "value", "format"])
    for d in DATASETS:
        meta = request.build_absolute_uri(reverse("opendata:file", args=[d.identifier, "meta.csv"]))
        writer.writerow([d.identifier, d.title, meta, "csv"])
    return HttpResponse(out.getvalue(), content_type=CONTENT_TYPES["csv"])


@require_safe
def dataset_page(request: HttpRequest, identifier: str) -> HttpResponse:
    found = dataset(identifier)
    if found is None:
        raise Http404
    return render(
        request,
        "api/opendata_dataset.html",
        {"dataset": found, "passport": passport(found), "versions": versions(found)},
    )


@require_safe
def dataset_file(request: HttpRequest, identifier: str, name: str) -> FileResponse:
    found = dataset(identifier)
    match = FILE_NAME.match(name)
    if found is None or match is None:
        raise Http404
    path = folder(found) / name
    if not path.is_file():
        raise Http404
    response = FileResponse(path.open("rb"), content_type=CONTENT_TYPES[match[2]])
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
