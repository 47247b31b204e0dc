"""The fair of social projects: accepted projects with the fair's filters, and one project."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from nkohub.api.auth import optional_token
from nkohub.api.endpoints._shared import READ_ERRORS, Named, not_found
from nkohub.api.etags import etagged
from nkohub.api.pagination import PageParams, numbered_page
from nkohub.projects import permissions
from nkohub.projects.models import Project, ProjectNeed
from nkohub.projects.selectors import fair_projects, project_for_page

PREFIX = "/projects"
router = Router(tags=["projects"])


class NeedOut(Schema):
    kind: str
    description: str
    quantity: Decimal | None = None
    unit: str


class ProjectOut(Schema):
    id: int
    title: str
    summary: str
    status: str
    organization: Named
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    budget_total: Decimal | None = None
    covers_whole_region: bool
    spheres: list[str]
    municipalities: list[str]
    needs: list[NeedOut]
    url: str
    updated_at: dt.datetime

    @staticmethod
    def resolve_organization(obj: Project) -> dict[str, Any]:
        return {"id": obj.organization.pk, "name": obj.organization.display_name}

    @staticmethod
    def resolve_spheres(obj: Project) -> list[str]:
        return [sphere.code for sphere in obj.spheres.all()]

    @staticmethod
    def resolve_municipalities(obj: Project) -> list[str]:
        return [municipality.oktmo or "" for municipality in obj.municipalities.all()]

    @staticmethod
    def resolve_needs(obj: Project) -> list[ProjectNeed]:
        return list(obj.needs.all())

    @staticmethod
    def resolve_url(obj: Project) -> str:
        return reverse("projects:detail", args=[obj.pk])


class ProjectPage(Schema):
    items: list[ProjectOut]
    count: int
    page: int
    pages: int


class FairFilters(Schema):
    q: str = Field("", max_length=200)
    sphere: int | None = Field(None, ge=1, le=2**62)
    municipality: int | None = Field(None, ge=1, le=2**62)
    need: ProjectNeed.Kind | None = None
    status: Project.Status | None = None


@router.get("", response={200: ProjectPage, **READ_ERRORS}, auth=optional_token, summary="The fair")
def project_list(
    request: HttpRequest, filters: Query[FairFilters], page: Query[PageParams]
) -> dict[str, Any]:
    projects = fair_projects(
        sphere=filters.sphere,
        municipality=filters.municipality,
        need=filters.need or "",
        status=filters.status or "",
        query=filters.q,
    )
    return numbered_page(projects, page)


@router.get(
    "/{int:pk}",
    response={200: ProjectOut, 304: None, **READ_ERRORS},
    auth=optional_token,
    summary="One project of the fair (ETag)",
)
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for_page(pk)
    # the public's view: a project the fair shows (a team sees its drafts on the site, not here)
    if project is None or not permissions.can_view_project(AnonymousUser(), project):
        raise not_found()
    return etagged(request, ProjectOut, project)
