"""Learning's library: published methodological materials with the library's filters and search,
one material with the published courses that use it. The file itself is downloaded from the site
(`download_url`), which counts the download."""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from nkohub.api.auth import optional_token
from nkohub.api.endpoints._shared import READ_ERRORS, not_found, viewer
from nkohub.api.etags import etagged
from nkohub.api.pagination import PageParams, numbered_page
from nkohub.learning import permissions
from nkohub.learning.models import Material
from nkohub.learning.selectors import courses_using, library, material_by_pk, tags, topics

PREFIX = "/library"
router = Router(tags=["library"])


class MaterialOut(Schema):
    id: int
    title: str
    description: str
    kind: str
    topics: list[str] = Field(description="topics' codes")
    tags: list[str]
    file_format: str
    original_name: str
    size: int = Field(description="bytes")
    download_count: int
    published_at: dt.datetime | None = None
    url: str
    download_url: str

    @staticmethod
    def resolve_topics(obj: Material) -> list[str]:
        return [topic.slug for topic in obj.topics.all()]

    @staticmethod
    def resolve_tags(obj: Material) -> list[str]:
        return [tag.name for tag in obj.tags.all()]

    @staticmethod
    def resolve_url(obj: Material) -> str:
        return obj.get_absolute_url()

    @staticmethod
    def resolve_download_url(obj: Material) -> str:
        return reverse("learning:material_download", args=[obj.pk])


class MaterialDetailOut(MaterialOut):
    courses: list[str] = Field(description="slugs of the published courses that use it")


class MaterialPage(Schema):
    items: list[MaterialOut]
    count: int
    page: int
    pages: int


class LibraryFilters(Schema):
    q: str = Field("", max_length=200, description="search in Russian, the file's text too")
    topic: str = Field("", max_length=60, description="a topic's code")
    tag: str = Field("", max_length=60)
    kind: Material.Kind | None = None


EMPTY: dict[str, Any] = {"items": [], "count": 0, "page": 1, "pages": 1}


@router.get(
    "", response={200: MaterialPage, **READ_ERRORS}, auth=optional_token, summary="The library"
)
def material_list(
    request: HttpRequest, filters: Query[LibraryFilters], page: Query[PageParams]
) -> dict[str, Any]:
    topic = topics().filter(slug=filters.topic).first() if filters.topic else None
    tag = tags().filter(name=filters.tag).first() if filters.tag else None
    if (filters.topic and topic is None) or (filters.tag and tag is None):
        return EMPTY
    materials = library(topic=topic, tag=tag, kind=filters.kind or "", q=filters.q)
    return numbered_page(materials, page)


@router.get(
    "/{int:pk}",
    response={200: MaterialDetailOut, 304: None, **READ_ERRORS},
    auth=optional_token,
    summary="One material (ETag)",
)
def material_one(request: HttpRequest, pk: int) -> HttpResponse:
    material = material_by_pk(pk)
    if material is None or not permissions.can_view_material(viewer(request), material):
        raise not_found()
    material.courses = [course.slug for course in courses_using(material)]  # type: ignore[attr-defined]
    return etagged(request, MaterialDetailOut, material)
