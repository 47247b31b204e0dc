"""Consultations: the published knowledge base (answers of experts edited into articles) with its
search and topic filter, one article. The expert and the person who asked are not published here."""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema

from nkohub.api.auth import optional_token
from nkohub.api.endpoints._shared import READ_ERRORS, not_found, viewer
from nkohub.api.etags import etagged
from nkohub.api.pagination import PageParams, numbered_page
from nkohub.consultations import permissions
from nkohub.consultations.models import Article
from nkohub.consultations.selectors import article_by_pk, knowledge_base

PREFIX = "/consultations"
router = Router(tags=["consultations"])


class CompetenceOut(Schema):
    id: int
    slug: str
    name: str


class ArticleOut(Schema):
    id: int
    title: str
    question_text: str
    body: str
    competence: CompetenceOut
    published_at: dt.datetime | None = None
    updated_at: dt.datetime
    url: str

    @staticmethod
    def resolve_url(obj: Article) -> str:
        return obj.get_absolute_url()


class ArticlePage(Schema):
    items: list[ArticleOut]
    count: int
    page: int
    pages: int


class KnowledgeBaseFilters(Schema):
    q: str = Field("", max_length=200, description="search in Russian, best matches first")
    competence: int | None = Field(None, ge=1, le=2**62, description="a topic's id")


@router.get(
    "/answers",
    response={200: ArticlePage, **READ_ERRORS},
    auth=optional_token,
    summary="The knowledge base",
)
def article_list(
    request: HttpRequest, filters: Query[KnowledgeBaseFilters], page: Query[PageParams]
) -> dict[str, Any]:
    return numbered_page(knowledge_base(q=filters.q, competence=filters.competence), page)


@router.get(
    "/answers/{int:pk}",
    response={200: ArticleOut, 304: None, **READ_ERRORS},
    auth=optional_token,
    summary="One article of the knowledge base (ETag)",
)
def article_one(request: HttpRequest, pk: int) -> HttpResponse:
    article = article_by_pk(pk)
    if article is None or not permissions.can_view_article(viewer(request), article):
        raise not_found()
    return etagged(request, ArticleOut, article)
