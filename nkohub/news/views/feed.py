"""The public feed with its filters, an item's page (with Open Graph tags), an organisation's list."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.views.decorators.http import require_safe

from nkohub.core.markdown import render_markdown
from nkohub.core.pagination import paginate, paginate_capped
from nkohub.news import forms, permissions, selectors
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import can_view_organization
from nkohub.volunteering.selectors import coalition_by_pk

FEED_COUNT_CAP = 1000


def _months() -> list[tuple[str, str]]:
    months = reversed(selectors.recent_months(timezone.localdate(), 24))
    return [(f"{m:%Y-%m}", formats.date_format(m, "F Y").capitalize()) for m in months]


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    form = forms.FeedFilterForm(request.GET or None, months=_months())
    filters = form.cleaned_data if form.is_valid() else {}
    items = selectors.feed(
        organization=filters.get("organization"),
        sphere=filters.get("sphere"),
        municipality=filters.get("municipality"),
        month=filters.get("month", ""),
        q=filters.get("q", ""),
    )
    context = {
        "form": form,
        # counted up to FEED_COUNT_CAP: a bounded query however large the archive (a month's filter
        # reaches older news)
        "page": paginate_capped(request, items, per_page=12, cap=FEED_COUNT_CAP),
        "filtered": any(filters.values()),
        "suggestion": selectors.feed_suggestion(filters["q"]) if filters.get("q") else "",
        "organizations_to_post": permissions.acting_organizations(request.user),
        "outlets": permissions.outlets_of(request.user),
        "can_moderate": permissions.can_moderate(request.user),
    }
    return render(request, "news/index.html", context)


@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.item_for_page(pk)
    if item is None or not permissions.can_view_news(request.user, item):
        raise Http404
    photos = list(item.photos.all())
    pickups = [
        p
        for p in item.pickups.all()
        if p.is_published or permissions.can_view_drafts_of(request.user, item.organization)
    ]
    text = strip_tags(render_markdown(item.body))
    outlets = permissions.outlets_of(request.user)
    taken = {p.outlet_id for p in item.pickups.all()}
    context = {
        "item": item,
        "photos": photos,
        "pickups": pickups,
        "can_edit": permissions.can_edit_news(request.user, item),
        "can_moderate": permissions.can_moderate(request.user),
        "moderation_form": forms.ModerationForm(item=item),
        "outlets_to_take": [
            o for o in outlets if permissions.can_take(request.user, item, o, o.pk in taken)
        ],
        "share_url": request.build_absolute_uri(item.get_absolute_url()),
        "share_description": Truncator(" ".join(text.split())).chars(200),
        "share_image": request.build_absolute_uri(photos[0].src) if photos else "",
    }
    return render(request, "news/detail.html", context)


@require_safe
def organization_news(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=pk)
    if not can_view_organization(request.user, organization):
        raise Http404
    everything = permissions.can_view_drafts_of(request.user, organization)
    context = {
        "organization": organization,
        "page": paginate(
            request, selectors.organization_items(organization, everything=everything)
        ),
        "everything": everything,
        "can_publish": permissions.can_publish_news(request.user, organization),
    }
    return render(request, "news/organization.html", context)


@require_safe
def coalition_news(request: HttpRequest, pk: int) -> HttpResponse:
    """A coalition's shared feed: its members' published news, newest first."""
    coalition = coalition_by_pk(pk)
    if coalition is None:
        raise Http404
    context = {
        "coalition": coalition,
        "page": paginate_capped(
            request, selectors.coalition_feed(coalition), per_page=12, cap=FEED_COUNT_CAP
        ),
    }
    return render(request, "news/coalition.html", context)
