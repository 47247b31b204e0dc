"""Who may do what with news. The only place these rights are decided.

An organisation's owners and editors publish its news (organizations' `can_act_for`); operators
moderate. Members of a media outlet (any role) work on its desk: take a published item into work once
per outlet and mark it published. Operators add mentions found elsewhere. Published news and the
media-activity figures are public.
"""

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from nkohub.core.permissions import ALLOWED, Decision, is_operator, refused, require
from nkohub.news.models import NewsItem, Pickup
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import ACTING_ROLES, can_act_for, is_member

__all__ = ["refused", "require"]


def _signed_in(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


# --- news items -------------------------------------------------------------------------------
def can_publish_news(user: Any, organization: Organization) -> Decision:
    if _signed_in(user) and can_act_for(user, organization):
        return ALLOWED
    return refused(_("Only the organisation's owner and editors publish its news."))


def can_edit_news(user: Any, item: NewsItem) -> Decision:
    return can_publish_news(user, item.organization)


def can_view_news(user: Any, item: NewsItem) -> bool:
    """Published news is public; any other only to its organisation's people and operators."""
    if item.is_published:
        return True
    return is_operator(user) or bool(_signed_in(user) and is_member(user, item.organization))


def acting_organizations(user: Any) -> list[Organization]:
    """The organisations whose news the person may publish (owner or editor), by name."""
    if not _signed_in(user):
        return []
    return list(
        Organization.objects.filter(
            memberships__user=user, memberships__role__in=ACTING_ROLES
        ).order_by("short_name", "full_name")
    )


def can_moderate(user: Any) -> bool:
    return is_operator(user)


# --- media outlets' desk ----------------------------------------------------------------------
def outlets_of(user: Any) -> list[Organization]:
    """The media outlets the person is a member of (any role), by name."""
    if not _signed_in(user):
        return []
    return list(
        Organization.objects.filter(kind=Organization.Kind.MEDIA, memberships__user=user).order_by(
            "short_name", "full_name"
        )
    )


def can_use_desk(user: Any, outlet: Organization) -> bool:
    return _signed_in(user) and outlet.kind == Organization.Kind.MEDIA and is_member(user, outlet)


def can_take(user: Any, item: NewsItem, outlet: Organization, taken: bool) -> Decision:
    """`taken`: whether this outlet already has the item in work or published."""
    if not can_use_desk(user, outlet):
        return refused(_("Only members of a media outlet take news into work."))
    if not item.is_published:
        return refused(_("Only published news can be taken into work."))
    if item.organization_id == outlet.pk:
        return refused(_("An outlet does not pick up its own news."))
    if taken:
        return refused(_("Your outlet has already taken this news item."))
    return ALLOWED


def can_mark_published(user: Any, pickup: Pickup) -> Decision:
    if not can_use_desk(user, pickup.outlet):
        return refused(_("Only members of the outlet that took the news mark it published."))
    if pickup.is_published:
        return refused(_("This publication is already recorded."))
    return ALLOWED


# --- media activity ---------------------------------------------------------------------------
def can_add_mentions(user: Any) -> bool:
    return is_operator(user)


def can_view_drafts_of(user: Any, organization: Organization) -> bool:
    """The organisation's own list shows its waiting, rejected and hidden items too."""
    return is_operator(user) or bool(_signed_in(user) and is_member(user, organization))


# --- fetch-and-check helpers: outsider → 404, member without the right → 403 -------------------
def get_news_for_editor(user: Any, pk: int) -> NewsItem:
    item = get_object_or_404(
        NewsItem.objects.select_related("organization", "project").prefetch_related("photos"),
        pk=pk,
    )
    require(can_edit_news(user, item), hide=not can_view_news(user, item))
    return item


def get_outlet_for_desk(user: Any, pk: int) -> Organization:
    outlet = get_object_or_404(Organization, pk=pk, kind=Organization.Kind.MEDIA)
    require(can_use_desk(user, outlet), hide=True)
    return outlet


def get_pickup_for_outlet(user: Any, pk: int) -> Pickup:
    pickup = get_object_or_404(Pickup.objects.select_related("news__organization", "outlet"), pk=pk)
    require(can_use_desk(user, pickup.outlet), hide=True)
    return pickup
