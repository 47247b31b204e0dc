"""A media outlet's desk: new news to take, the news in work, what the outlet has published."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.pagination import paginate
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.news import forms, permissions, selectors, services
from nkohub.news.models import Pickup

from ._shared import _perform, _submit


@login_required
@require_safe
def desk(request: AuthenticatedHttpRequest) -> HttpResponse:
    outlets = permissions.outlets_of(request.user)
    if not outlets:
        permissions.require(permissions.refused(_("The desk is for members of media outlets.")))
    chosen = request.GET.get("outlet", "")
    outlet = next((o for o in outlets if str(o.pk) == chosen), outlets[0])
    context = {
        "outlet": outlet,
        "outlets": outlets,
        "page": paginate(request, selectors.desk_new(outlet)),
        "in_work": list(selectors.desk_pickups(outlet, status=Pickup.Status.IN_WORK)[:50]),
        "published": list(selectors.desk_pickups(outlet, status=Pickup.Status.PUBLISHED)[:20]),
    }
    return render(request, "news/desk.html", context)


@login_required
@require_POST
def take(request: AuthenticatedHttpRequest, pk: int, outlet_pk: int) -> HttpResponse:
    outlet = permissions.get_outlet_for_desk(request.user, outlet_pk)
    item = selectors.item_for_page(pk)
    if item is None or not permissions.can_view_news(request.user, item):
        raise Http404
    taken = any(p.outlet_id == outlet.pk for p in item.pickups.all())
    permissions.require(permissions.can_take(request.user, item, outlet, taken))
    _perform(
        request,
        lambda: services.pickup_take(actor=request.user, item=item, outlet=outlet),
        _("The news is in your work. Mark it published when it is out."),
    )
    return redirect(f"{reverse('news:desk')}?outlet={outlet.pk}")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def mark_published(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    pickup = permissions.get_pickup_for_outlet(request.user, pk)
    permissions.require(permissions.can_mark_published(request.user, pickup))
    form = forms.PublishedForm(request.POST or None)
    done = _submit(
        request,
        form,
        lambda data: services.pickup_mark_published(
            actor=request.user,
            pickup=pickup,
            publication_url=data["publication_url"],
            published_on=data["published_on"],
        ),
        _("The publication is recorded; the organisation is told."),
    )
    if done is None:
        context = {"pickup": pickup, "form": form}
        status = 400 if request.method == "POST" else 200
        return render(request, "news/mark_published.html", context, status=status)
    return redirect(f"{reverse('news:desk')}?outlet={pickup.outlet_id}")
