"""The operator's queue: waiting items first; a decision on one item (publish, reject, hide, show)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from nkohub.core.pagination import paginate
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.news import forms, permissions, selectors, services
from nkohub.news.models import NewsItem

from ._shared import _submit


@login_required
@require_safe
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    permissions.require(permissions.can_moderate(request.user), hide=True)
    status = request.GET.get("status", NewsItem.Status.PENDING)
    if status not in NewsItem.Status.values:
        status = NewsItem.Status.PENDING
    context = {
        "page": paginate(request, selectors.moderation_queue(status=status)),
        "status": status,
        "statuses": NewsItem.Status.choices,
    }
    return render(request, "news/moderation.html", context)


@login_required
@require_POST
def moderate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    permissions.require(permissions.can_moderate(request.user), hide=True)
    item = selectors.item_for_page(pk)
    if item is None:
        raise Http404
    form = forms.ModerationForm(request.POST, item=item)
    done = _submit(
        request,
        form,
        lambda data: services.news_moderate(
            actor=request.user, item=item, status=data["status"], reason=data["reason"]
        ),
        _("The decision is recorded; the organisation is told."),
    )
    if done is None:
        context = {"item": item, "form": form}
        return render(request, "news/moderate.html", context, status=400)
    return redirect(item)
