"""News: the public feed with the feed's filters and search (by cursor, newest first: the archive is
large), one item; an organisation's news published and changed with its token (scope news:write)
through news' own services and permissions, with the same moderation as the site: an unverified
organisation's item waits for an operator."""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from nkohub.api.auth import optional_token, required_token, token_of
from nkohub.api.endpoints._shared import (
    READ_ERRORS,
    WRITE_ERRORS,
    Named,
    not_found,
    refused_by_service,
    require,
    viewer,
    writing_token,
)
from nkohub.api.etags import etagged
from nkohub.api.models import Scope
from nkohub.api.pagination import CursorParams, dated_cursor_page
from nkohub.api.permissions import can_write_for
from nkohub.core.errors import DomainError
from nkohub.news import permissions
from nkohub.news.models import NewsItem
from nkohub.news.selectors import feed, item_for_page, projects_of
from nkohub.news.services import news_create, news_update
from nkohub.organizations.models import Organization, Sphere
from nkohub.projects.models import Project

PREFIX = "/news"
router = Router(tags=["news"])


class PhotoOut(Schema):
    src: str
    caption: str


class NewsOut(Schema):
    id: int
    title: str
    body: str = Field(description="Markdown")
    organization: Named
    project: Named | None = None
    published_at: dt.datetime | None = None
    photos: list[PhotoOut]
    publications: int = Field(description="how many media outlets published it")
    url: str

    @staticmethod
    def resolve_organization(obj: NewsItem) -> dict[str, Any]:
        return {"id": obj.organization.pk, "name": obj.organization.display_name}

    @staticmethod
    def resolve_project(obj: NewsItem) -> dict[str, Any] | None:
        if obj.project is None:
            return None
        return {"id": obj.project.pk, "name": obj.project.title}

    @staticmethod
    def resolve_photos(obj: NewsItem) -> list[dict[str, str]]:
        return [{"src": photo.src, "caption": photo.caption} for photo in obj.photos.all()]

    @staticmethod
    def resolve_publications(obj: NewsItem) -> int:
        published = getattr(obj, "publications", None)
        if published is not None:  # the feed's prefetch
            return len(published)
        return sum(1 for pickup in obj.pickups.all() if pickup.is_published)

    @staticmethod
    def resolve_url(obj: NewsItem) -> str:
        return obj.get_absolute_url()


class NewsDetailOut(NewsOut):
    """A published item is public; one waiting for moderation, rejected or hidden only to its
    organisation's people (a token of theirs) and operators, with the operator's reason."""

    status: str
    moderation_reason: str
    updated_at: dt.datetime

    @staticmethod
    def resolve_moderation_reason(obj: NewsItem) -> str:
        return "" if obj.is_published else obj.moderation_reason


class NewsPage(Schema):
    items: list[NewsOut]
    next_cursor: str | None


class FeedFilters(Schema):
    q: str = Field(
        "", max_length=200, description="search in Russian: every word, any of its forms"
    )
    organization: int | None = Field(None, ge=1, le=2**62)
    sphere: str = Field("", max_length=50, description="a sphere's code")
    municipality: int | None = Field(None, ge=1, le=2**62)
    month: str = Field("", pattern=r"^((19|20)[0-9]{2}-(0[1-9]|1[0-2]))?$", description="YYYY-MM")


class NewsIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1, max_length=20_000, description="Markdown")
    project: int | None = Field(None, ge=1, le=2**62, description="a project of the organisation")


class NewsPatch(Schema):
    title: str | None = Field(None, min_length=1, max_length=200)
    body: str | None = Field(None, min_length=1, max_length=20_000)
    project: int | None = Field(None, ge=1, le=2**62, description="null unlinks the project")


@router.get("", response={200: NewsPage, **READ_ERRORS}, auth=optional_token, summary="News")
def news_list(
    request: HttpRequest, filters: Query[FeedFilters], page: Query[CursorParams]
) -> dict[str, Any]:
    sphere = Sphere.objects.filter(code=filters.sphere).first() if filters.sphere else None
    if filters.sphere and sphere is None:
        return {"items": [], "next_cursor": None}
    items = feed(
        organization=filters.organization,  # type: ignore[arg-type]  # an id filters as the row
        sphere=sphere,
        municipality=filters.municipality,  # type: ignore[arg-type]
        month=filters.month,
        q=filters.q,
    )
    return dated_cursor_page(items, page, "published_at")


def item_for(request: HttpRequest, pk: int) -> NewsItem:
    item = item_for_page(pk)
    if item is None or not permissions.can_view_news(viewer(request), item):
        raise not_found()
    return item


@router.get(
    "/{int:pk}",
    response={200: NewsDetailOut, 304: None, **READ_ERRORS},
    auth=optional_token,
    summary="One news item (ETag)",
)
def news_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return etagged(request, NewsDetailOut, item_for(request, pk))


def _project(organization: Organization, pk: int | None) -> Project | None:
    if pk is None:
        return None
    found = projects_of(organization).filter(pk=pk).first()
    if found is None:
        raise refused_by_service(
            DomainError(_("Link a project of your own organisation."), field="project")
        )
    return found


@router.post(
    "",
    response={201: NewsDetailOut, **WRITE_ERRORS},
    auth=required_token,
    summary="Publish a news item in the token's organisation's name (scope news:write)",
    description="A verified organisation's item is published at once; an unverified one's waits "
    "for an operator (`status`: `pending`), as on the site.",
)
def news_post(request: HttpRequest, data: NewsIn) -> Status:
    token = writing_token(request, Scope.NEWS_WRITE)
    require(permissions.can_publish_news(token.user, token.organization))
    try:
        item = news_create(
            actor=token.user,
            organization=token.organization,
            title=data.title,
            body=data.body,
            project=_project(token.organization, data.project),
        )
    except DomainError as error:
        raise refused_by_service(error) from error
    return Status(201, item_for(request, item.pk))


@router.patch(
    "/{int:pk}",
    response={200: NewsDetailOut, **WRITE_ERRORS},
    auth=required_token,
    summary="Change a news item (scope news:write)",
    description="An unverified organisation's item, or a hidden or rejected one, goes back to "
    "the operator after the change, as on the site.",
)
def news_patch(request: HttpRequest, pk: int, data: NewsPatch) -> NewsItem:
    item = item_for(request, pk)
    require(can_write_for(token_of(request), item.organization, Scope.NEWS_WRITE))
    require(permissions.can_edit_news(viewer(request), item))
    fields = data.model_dump(exclude_unset=True)
    project = item.project
    if "project" in fields:
        project = _project(item.organization, fields["project"])
    try:
        news_update(
            actor=viewer(request),
            item=item,
            title=fields.get("title") or item.title,
            body=fields.get("body") or item.body,
            project=project,
        )
    except DomainError as error:
        raise refused_by_service(error) from error
    return item_for(request, pk)
