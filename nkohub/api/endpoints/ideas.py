"""The idea bank: ideas with the list's filters, search and order, one idea with its support count,
status and the reason given for it. Who proposed an idea is not published here."""

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from nkohub.api.auth import optional_token
from nkohub.api.endpoints._shared import READ_ERRORS, MunicipalityOut, Named, not_found
from nkohub.api.etags import etagged
from nkohub.api.pagination import PageParams, numbered_page
from nkohub.ideas.models import Idea
from nkohub.ideas.selectors import IdeaFilters, idea_detail, ideas_list

PREFIX = "/ideas"
router = Router(tags=["ideas"])


class IdeaOut(Schema):
    id: int
    title: str
    problem: str
    proposal: str
    status: str
    status_reason: str
    supports_count: int
    is_open: bool = Field(description="whether supports are still collected")
    municipality: MunicipalityOut
    sphere: str
    addressee: Named | None = None
    created_at: dt.datetime
    updated_at: dt.datetime
    url: str

    @staticmethod
    def resolve_sphere(obj: Idea) -> str:
        return obj.sphere.code

    @staticmethod
    def resolve_addressee(obj: Idea) -> dict[str, Any] | None:
        if obj.addressee is None:
            return None
        return {"id": obj.addressee.pk, "name": obj.addressee.display_name}

    @staticmethod
    def resolve_url(obj: Idea) -> str:
        return obj.get_absolute_url()


class IdeaPage(Schema):
    items: list[IdeaOut]
    count: int
    page: int
    pages: int


class IdeaListFilters(Schema):
    q: str = Field("", max_length=200)
    status: Idea.Status | None = None
    municipality: int | None = Field(None, ge=1, le=2**62)
    sphere: int | None = Field(None, ge=1, le=2**62)
    addressee: int | None = Field(None, ge=1, le=2**62, description="the authority's id")
    sort: Literal["supports", "new"] = "supports"


@router.get("", response={200: IdeaPage, **READ_ERRORS}, auth=optional_token, summary="Ideas")
def idea_list(
    request: HttpRequest, filters: Query[IdeaListFilters], page: Query[PageParams]
) -> dict[str, Any]:
    ideas = ideas_list(
        IdeaFilters(
            q=filters.q,
            status=filters.status or "",
            municipality=filters.municipality,
            sphere=filters.sphere,
            addressee=filters.addressee,
            sort=filters.sort,
        )
    )
    return numbered_page(ideas, page)


@router.get(
    "/{int:pk}",
    response={200: IdeaOut, 304: None, **READ_ERRORS},
    auth=optional_token,
    summary="One idea (ETag)",
)
def idea_one(request: HttpRequest, pk: int) -> HttpResponse:
    idea = idea_detail(pk)
    if idea is None:
        raise not_found()
    return etagged(request, IdeaOut, idea)
