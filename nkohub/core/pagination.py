from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest
from django.utils.functional import cached_property

DEFAULT_PAGE_SIZE = 20


def paginate(request: HttpRequest, object_list: Any, per_page: int = DEFAULT_PAGE_SIZE) -> Page:
    """A page of `object_list` from the `page` parameter; bad or too large numbers give the nearest page."""
    paginator = Paginator(object_list, per_page)
    return paginator.get_page(request.GET.get("page"))


class CappedPaginator(Paginator):
    """Counts at most `cap` rows (one bounded query however large the table): past it, `capped` is
    true and the page says «больше N» instead of an exact number; pages go up to the cap."""

    def __init__(self, object_list: Any, per_page: int, *, cap: int) -> None:
        super().__init__(object_list, per_page)
        self.cap = cap

    @cached_property
    def _bounded_count(self) -> int:
        rows: Any = self.object_list  # a QuerySet: the bound is a LIMIT in its count
        return int(rows.order_by().values("pk")[: self.cap + 1].count())

    @property
    def capped(self) -> bool:
        return self._bounded_count > self.cap

    @cached_property
    def count(self) -> int:
        return min(self._bounded_count, self.cap)


def paginate_capped(
    request: HttpRequest, object_list: Any, per_page: int = DEFAULT_PAGE_SIZE, *, cap: int = 1000
) -> Page:
    """`paginate` for lists that may grow without bound: the count stops at `cap`."""
    return CappedPaginator(object_list, per_page, cap=cap).get_page(request.GET.get("page"))


def querystring_without_page(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
