"""Learning: the catalogue of published courses with its filters, and one course."""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from nkohub.api.auth import optional_token
from nkohub.api.endpoints._shared import READ_ERRORS, not_found
from nkohub.api.etags import etagged
from nkohub.api.pagination import PageParams, numbered_page
from nkohub.learning.models import Course
from nkohub.learning.selectors import catalogue, course_by_slug, topics

PREFIX = "/courses"
router = Router(tags=["courses"])


class CourseOut(Schema):
    slug: str
    title: str
    summary: str
    audience: str
    format: str
    hours: int
    topic: str
    published_at: dt.datetime | None = None
    url: str

    @staticmethod
    def resolve_topic(obj: Course) -> str:
        return obj.topic.slug

    @staticmethod
    def resolve_url(obj: Course) -> str:
        return obj.get_absolute_url()


class CourseDetailOut(CourseOut):
    description: str
    modules: list[str]

    @staticmethod
    def resolve_modules(obj: Course) -> list[str]:
        return [module.title for module in obj.modules.all()]


class CoursePage(Schema):
    items: list[CourseOut]
    count: int
    page: int
    pages: int


class CatalogueFilters(Schema):
    q: str = Field("", max_length=200)
    topic: str = Field("", max_length=60, description="a topic's code")
    format: Course.Format | None = None


@router.get("", response={200: CoursePage, **READ_ERRORS}, auth=optional_token, summary="Courses")
def course_list(
    request: HttpRequest, filters: Query[CatalogueFilters], page: Query[PageParams]
) -> dict[str, Any]:
    topic = topics().filter(slug=filters.topic).first() if filters.topic else None
    if filters.topic and topic is None:
        return {"items": [], "count": 0, "page": 1, "pages": 1}
    courses = catalogue(topic=topic, format=filters.format or "", q=filters.q)
    return numbered_page(courses, page)


@router.get(
    "/{slug}",
    response={200: CourseDetailOut, 304: None, **READ_ERRORS},
    auth=optional_token,
    summary="One published course (ETag)",
)
def course_detail(request: HttpRequest, slug: str) -> HttpResponse:
    course = course_by_slug(slug[:80])
    if course is None or course.status != Course.Status.PUBLISHED:
        raise not_found()
    return etagged(request, CourseDetailOut, course)
