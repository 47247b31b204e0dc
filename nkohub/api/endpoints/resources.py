"""The resource bank: published offers with the catalogue's filters and search; an organisation's
offers created, changed and published with its token (scope offers:write) through resources' own
services and permissions."""

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema, Status

from nkohub.api.auth import optional_token, required_token, token_of
from nkohub.api.endpoints._shared import (
    READ_ERRORS,
    WRITE_ERRORS,
    MunicipalityOut,
    Named,
    municipality_named,
    not_found,
    refused_by_service,
    require,
    sent_fields,
    viewer,
    writing_token,
)
from nkohub.api.etags import etagged
from nkohub.api.models import Scope
from nkohub.api.pagination import CursorParams, cursor_page
from nkohub.api.permissions import can_write_for
from nkohub.api.problems import ApiProblem
from nkohub.core.errors import DomainError
from nkohub.resources import permissions
from nkohub.resources.models import Category, ResourceOffer, Terms
from nkohub.resources.selectors import offer_with_details, offers_catalogue
from nkohub.resources.services import offer_create, offer_set_status, offer_update

PREFIX = "/offers"
router = Router(tags=["offers"])


class OfferOut(Schema):
    id: int
    category: str
    title: str
    description: str
    status: str
    organization: Named | None = None
    municipality: MunicipalityOut
    address: str
    terms: str
    terms_note: str
    capacity: int | None = None
    available_from: dt.date | None = None
    available_until: dt.date | None = None
    published_at: dt.datetime | None = None
    updated_at: dt.datetime
    url: str

    @staticmethod
    def resolve_organization(obj: ResourceOffer) -> dict[str, Any] | None:
        if obj.organization is None:
            return None
        return {"id": obj.organization.pk, "name": obj.organization.display_name}

    @staticmethod
    def resolve_url(obj: ResourceOffer) -> str:
        return obj.get_absolute_url()


class OfferPage(Schema):
    items: list[OfferOut]
    next_cursor: str | None


class CatalogueFilters(Schema):
    q: str = Field("", max_length=200)
    category: Category | None = None
    municipality: int | None = Field(None, ge=1, le=2**62)
    terms: Terms | None = None
    free_on: dt.date | None = Field(None, ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))


class OfferIn(Schema):
    category: Category
    title: str = Field(min_length=1, max_length=200)
    description: str = Field(min_length=1, max_length=10_000)
    municipality: int = Field(ge=1, le=2**62)
    address: str = Field("", max_length=300)
    terms: Terms = Terms.FREE
    terms_note: str = Field("", max_length=300)
    capacity: int | None = Field(None, ge=0, le=1_000_000)
    available_from: dt.date | None = Field(None, ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))
    available_until: dt.date | None = Field(None, ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))
    publish: bool = False


class OfferPatch(Schema):
    category: Category | None = None
    title: str | None = Field(None, min_length=1, max_length=200)
    description: str | None = Field(None, min_length=1, max_length=10_000)
    municipality: int | None = Field(None, ge=1, le=2**62)
    address: str | None = Field(None, max_length=300)
    terms: Terms | None = None
    terms_note: str | None = Field(None, max_length=300)
    capacity: int | None = Field(None, ge=0, le=1_000_000)
    available_from: dt.date | None = Field(None, ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))
    available_until: dt.date | None = Field(None, ge=dt.date(1900, 1, 1), le=dt.date(2100, 12, 31))


class StatusIn(Schema):
    status: ResourceOffer.Status


def _offer(request: HttpRequest, pk: int) -> ResourceOffer:
    offer = offer_with_details(pk)
    if offer is None or not permissions.can_view_offer(viewer(request), offer):
        raise not_found()
    return offer


def _writable_offer(request: HttpRequest, pk: int) -> ResourceOffer:
    token = token_of(request)
    offer = _offer(request, pk)
    require(can_write_for(token, offer.organization, Scope.OFFERS_WRITE))
    require(permissions.can_manage_offer(viewer(request), offer))
    return offer


@router.get("", response={200: OfferPage, **READ_ERRORS}, auth=optional_token, summary="Offers")
def offer_list(
    request: HttpRequest, filters: Query[CatalogueFilters], page: Query[CursorParams]
) -> dict[str, Any]:
    offers = offers_catalogue(
        q=filters.q,
        category=filters.category or "",
        municipality=filters.municipality,
        terms=filters.terms or "",
        free_on=filters.free_on,
    )
    return cursor_page(offers, page)


@router.get(
    "/{int:pk}",
    response={200: OfferOut, 304: None, **READ_ERRORS},
    auth=optional_token,
    summary="One offer (ETag)",
)
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return etagged(request, OfferOut, _offer(request, pk))


@router.post(
    "",
    response={201: OfferOut, **WRITE_ERRORS},
    auth=required_token,
    summary="Offer a resource in the token's organisation's name (scope offers:write)",
)
def offer_post(request: HttpRequest, data: OfferIn) -> Status:
    token = writing_token(request, Scope.OFFERS_WRITE)
    require(permissions.can_offer_for(token.user, token.organization))
    fields = data.model_dump(exclude={"publish"})
    fields["municipality"] = municipality_named(data.municipality)
    try:
        offer = offer_create(
            actor=token.user, organization=token.organization, publish=data.publish, **fields
        )
    except DomainError as error:
        raise refused_by_service(error) from error
    return Status(201, _offer(request, offer.pk))


@router.patch(
    "/{int:pk}",
    response={200: OfferOut, **WRITE_ERRORS},
    auth=required_token,
    summary="Change an offer (scope offers:write)",
)
def offer_patch(request: HttpRequest, pk: int, data: OfferPatch) -> ResourceOffer:
    offer = _writable_offer(request, pk)
    fields = sent_fields(data, NULLABLE)
    if "municipality" in fields:
        fields["municipality"] = municipality_named(fields["municipality"])
    try:
        offer_update(actor=viewer(request), offer=offer, **fields)
    except DomainError as error:
        raise refused_by_service(error) from error
    return _offer(request, pk)


NULLABLE = {"capacity", "available_from", "available_until"}


@router.post(
    "/{int:pk}/status",
    response={200: OfferOut, **WRITE_ERRORS},
    auth=required_token,
    summary="Publish, pause or archive an offer (scope offers:write)",
)
def offer_status(request: HttpRequest, pk: int, data: StatusIn) -> ResourceOffer:
    offer = _writable_offer(request, pk)
    try:
        offer_set_status(actor=viewer(request), offer=offer, status=data.status)
    except DomainError as error:  # a transition the offer's status does not allow
        raise ApiProblem(409, error.message, kind="conflict") from error
    return _offer(request, pk)
