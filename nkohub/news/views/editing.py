"""Writing news: a new item of an organisation, an edit (which may send it to the operator again)."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.news import forms, permissions, services
from nkohub.news.models import NewsItem
from nkohub.organizations.models import Organization
from nkohub.organizations.permissions import can_view_organization


def _save(
    request: AuthenticatedHttpRequest,
    form: forms.NewsForm,
    organization: Organization,
    write: Callable[[dict[str, Any]], NewsItem],
    item: NewsItem | None,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            saved = write(dict(form.cleaned_data))
        except DomainError as error:
            add_domain_error(form, error)
        else:
            if saved.is_published:
                messages.success(request, _("The news is published."))
            else:
                messages.success(
                    request, _("The news is sent to the operator: it is published once checked.")
                )
            return redirect(saved)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "organization": organization, "item": item}
    return render(request, "news/form.html", context, status=status)


@login_required
def create(request: AuthenticatedHttpRequest, org_pk: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=org_pk)
    permissions.require(
        permissions.can_publish_news(request.user, organization),
        hide=not can_view_organization(request.user, organization),
    )
    form = forms.NewsForm(request.POST or None, request.FILES or None, organization=organization)
    return _save(
        request,
        form,
        organization,
        lambda data: services.news_create(
            actor=request.user,
            organization=organization,
            title=data["title"],
            body=data["body"],
            project=data.get("project"),
            photos=data.get("photos") or [],
        ),
        None,
    )


@login_required
def edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = permissions.get_news_for_editor(request.user, pk)
    form = forms.NewsForm(
        request.POST or None,
        request.FILES or None,
        instance=item,
        organization=item.organization,
    )
    return _save(
        request,
        form,
        item.organization,
        lambda data: services.news_update(
            actor=request.user,
            item=item,
            title=data["title"],
            body=data["body"],
            project=data.get("project"),
            photos=data.get("photos") or [],
            remove_photos=data.get("remove_photos") or [],
        ),
        item,
    )
