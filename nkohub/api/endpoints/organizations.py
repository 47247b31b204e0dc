"""The registry: organisations with the directory's filters and search; an organisation's profile
updated by its own token (scope profile:write) through organizations' own service."""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema

from nkohub.api.auth import optional_token, required_token, token_of
from nkohub.api.endpoints._shared import (
    READ_ERRORS,
    WRITE_ERRORS,
    MunicipalityOut,
    not_found,
    refused_by_service,
    require,
)
from nkohub.api.etags import etagged
from nkohub.api.models import Scope
from nkohub.api.pagination import CursorParams, cursor_page
from nkohub.api.permissions import can_write_for
from nkohub.core.errors import DomainError
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import DirectoryQuery, directory_organizations
from nkohub.organizations.services import organization_update

PREFIX = "/organizations"
router = Router(tags=["organizations"])


class OrganizationOut(Schema):
    id: int
    kind: str
    full_name: str
    short_name: str
    legal_form: str | None = None
    inn: str | None = None
    ogrn: str | None = None
    kpp: str | None = None
    registration_date: dt.date | None = None
    status: str
    is_verified: bool
    municipality: MunicipalityOut | None = None
    address: str
    description: str
    website: str
    public_email: str
    public_phone: str
    spheres: list[str]
    url: str
    updated_at: dt.datetime

    @staticmethod
    def resolve_legal_form(obj: Organization) -> str | None:
        return obj.legal_form.name if obj.legal_form else None

    @staticmethod
    def resolve_spheres(obj: Organization) -> list[str]:
        return [sphere.code for sphere in obj.spheres.all()]

    @staticmethod
    def resolve_url(obj: Organization) -> str:
        return reverse("organizations:detail", args=[obj.pk])


class OrganizationPage(Schema):
    items: list[OrganizationOut]
    next_cursor: str | None


class DirectoryFilters(Schema):
    q: str = Field("", max_length=200, description="search in Russian: word forms, typos, INN/OGRN")
    kind: Organization.Kind | None = None
    sphere: str = Field("", max_length=50)
    registry: str = Field(
        "", max_length=50, alias="register", description="the register the organisation comes from"
    )
    legal_form: int | None = Field(None, ge=1, le=2**62)
    municipality: int | None = Field(None, ge=1, le=2**62)
    verified: bool = False


class ProfileIn(Schema):
    """The fields an organisation changes about itself (the rest stay as they are)."""

    short_name: str | None = Field(None, max_length=300)
    address: str | None = Field(None, max_length=500)
    description: str | None = Field(None, max_length=10_000)
    website: str | None = Field(None, max_length=200)
    public_email: str | None = Field(None, max_length=254)
    public_phone: str | None = Field(None, max_length=50)


def _directory(filters: DirectoryFilters) -> Any:
    return _registry(
        DirectoryQuery(
            q=filters.q,
            kind=filters.kind or "",
            sphere=filters.sphere,
            register=filters.registry,
            legal_form=filters.legal_form,
            municipality=filters.municipality,
            verified=filters.verified,
        )
    )


def _registry(query: DirectoryQuery) -> Any:
    return directory_organizations(query)


def _published(pk: int) -> Organization:
    organization = _registry(DirectoryQuery()).filter(pk=pk).first()
    if organization is None:
        raise not_found()
    return organization


@router.get(
    "", response={200: OrganizationPage, **READ_ERRORS}, auth=optional_token, summary="The registry"
)
def organization_list(
    request: HttpRequest, filters: Query[DirectoryFilters], page: Query[CursorParams]
) -> dict[str, Any]:
    return cursor_page(_directory(filters), page)


@router.get(
    "/{int:pk}",
    response={200: OrganizationOut, 304: None, **READ_ERRORS},
    auth=optional_token,
    summary="One organisation (ETag)",
)
def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return etagged(request, OrganizationOut, _published(pk))


@router.patch(
    "/{int:pk}",
    response={200: OrganizationOut, **WRITE_ERRORS},
    auth=required_token,
    summary="Update the organisation's profile (scope profile:write)",
)
def organization_patch(request: HttpRequest, pk: int, data: ProfileIn) -> Organization:
    token = token_of(request)
    organization = Organization.objects.filter(pk=pk).first()
    if organization is None:
        raise not_found()
    require(can_write_for(token, organization, Scope.PROFILE_WRITE))
    assert token is not None
    changes = data.model_dump(exclude_unset=True, exclude_none=True)
    try:
        organization_update(actor=token.user, organization=organization, data=changes)
    except DomainError as error:
        raise refused_by_service(error) from error
    return _published(pk) if organization.is_published else organization
