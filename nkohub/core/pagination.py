from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

DEFAULT_PAGE_SIZE = 20


def paginate(request: HttpRequest, object_list: Any, per_page: int = DEFAULT_PAGE_SIZE) -> Page:
    """A page of `object_list` from the `page` parameter; bad or too large numbers give the nearest page."""
    paginator = Paginator(object_list, per_page)
    return paginator.get_page(request.GET.get("page"))


def querystring_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
