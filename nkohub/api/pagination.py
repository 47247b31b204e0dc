"""Two ways through a list. Large lists (the registry, offers) by cursor: keyset on the primary key,
so page 10 000 costs what page 1 does and rows added meanwhile neither repeat nor vanish; the news
feed by cursor too, keyset on (published_at, id) newest first, the feed's own order and index.
Smaller lists by page number, as the site's pages (`page`, `page_size`)."""

import base64
import binascii
import datetime as dt
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from ninja import Field, Schema

from nkohub.api.problems import ApiProblem

MAX_LIMIT = 100
DEFAULT_LIMIT = 20


class CursorParams(Schema):
    cursor: str | None = Field(None, max_length=64, description="next_cursor of the previous page")
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


class PageParams(Schema):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


def encode_cursor(pk: int) -> str:
    return base64.urlsafe_b64encode(f"pk:{pk}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _sep, value = text.partition(":")
        if kind != "pk" or not value.isdigit() or len(value) > 18:
            raise ValueError(text)
        return int(value)
    except (ValueError, binascii.Error, UnicodeDecodeError) as error:
        raise ApiProblem(400, _("The cursor is not one this API gave."), kind="cursor") from error


EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MICROSECOND = dt.timedelta(microseconds=1)


def encode_dated_cursor(moment: dt.datetime, pk: int) -> str:
    micros = (moment - EPOCH) // MICROSECOND
    return base64.urlsafe_b64encode(f"at:{micros}.{pk}".encode()).decode().rstrip("=")


def decode_dated_cursor(cursor: str) -> tuple[dt.datetime, int]:
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, _sep, value = text.partition(":")
        micros, _dot, pk = value.partition(".")
        digits = micros.removeprefix("-")
        if kind != "at" or not (digits.isdigit() and pk.isdigit()) or len(digits + pk) > 36:
            raise ValueError(text)
        return EPOCH + int(micros) * MICROSECOND, int(pk)
    except (ValueError, OverflowError, binascii.Error, UnicodeDecodeError) as error:
        raise ApiProblem(400, _("The cursor is not one this API gave."), kind="cursor") from error


def dated_cursor_page(
    rows: QuerySet[Any], params: CursorParams, field: str = "published_at"
) -> dict[str, Any]:
    """One page after the cursor, newest first by `field` then id (the field must not be null in
    these rows): limit + 1 rows read to know if more follow."""
    rows = rows.order_by(f"-{field}", "-pk")
    if params.cursor:
        moment, pk = decode_dated_cursor(params.cursor)
        rows = rows.filter(Q(**{f"{field}__lt": moment}) | Q(**{field: moment, "pk__lt": pk}))
    items = list(rows[: params.limit + 1])
    more = len(items) > params.limit
    items = items[: params.limit]
    last = items[-1] if items else None
    return {
        "items": items,
        "next_cursor": encode_dated_cursor(getattr(last, field), last.pk)
        if more and last
        else None,
    }


def cursor_page(rows: QuerySet[Any], params: CursorParams) -> dict[str, Any]:
    """One page after the cursor, by ascending id: limit + 1 rows read to know if more follow."""
    rows = rows.order_by("pk")
    if params.cursor:
        rows = rows.filter(pk__gt=decode_cursor(params.cursor))
    items = list(rows[: params.limit + 1])
    more = len(items) > params.limit
    items = items[: params.limit]
    return {"items": items, "next_cursor": encode_cursor(items[-1].pk) if more else None}


def numbered_page(rows: Any, params: PageParams) -> dict[str, Any]:
    paginator = Paginator(rows, params.page_size)
    page = paginator.get_page(params.page)
    return {
        "items": list(page.object_list),
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
    }
