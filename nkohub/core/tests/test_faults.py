"""Faults of the services the portal runs on, made by a TCP proxy that the test puts between Django and
PostgreSQL and then cuts — the machine's own PostgreSQL is never stopped (issue 22, item 5).

The database lost in the middle of a write: the person gets a clear page in Russian (503, Retry-After),
the transaction is rolled back so nothing half-written stays, and once the database is back the same
form goes through. Only on PostgreSQL (SQLite has no connection to lose); CI's PostgreSQL legs run it.
"""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.db import close_old_connections, connection
from django.test import Client
from django.urls import reverse

from nkohub.core.models import AuditEntry
from nkohub.core.tests.tcp_proxy import TcpProxy
from nkohub.news.models import NewsItem
from nkohub.organizations.models import Organization

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_proxy() -> Iterator[TcpProxy]:
    """The default connection re-opened through a proxy to the test database's server."""
    if connection.vendor != "postgresql":
        pytest.skip("a database over the network is needed to lose it (PostgreSQL)")
    settings_dict = connection.settings_dict
    host, port = settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432)
    with TcpProxy(host, port) as proxy:
        connection.close()
        settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", str(proxy.port)
        try:
            yield proxy
        finally:
            proxy.restore()
            connection.close()
            settings_dict["HOST"], settings_dict["PORT"] = host, str(port)


def _cut_before(proxy: TcpProxy, table: str) -> Callable[..., Any]:
    """An execute wrapper that loses the database just before the first INSERT into `table`: the
    statements before it have run inside the request's transaction, the rest never arrive."""

    def wrapper(
        execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        if sql.startswith(f'INSERT INTO "{table}"'):
            proxy.cut()
        return execute(sql, params, many, context)

    return wrapper


def _next_request() -> None:
    """What Django's handler does at the start of every request and the test client leaves out: a
    connection that failed is checked and dropped, so the request opens a new one."""
    close_old_connections()


def _news(ngo: Organization) -> tuple[str, dict[str, str]]:
    url = reverse("news:create", args=[ngo.pk])
    return url, {"title": "Субботник на берегу Оки", "body": "Приглашаем волонтёров в субботу."}


def test_a_database_lost_mid_write_leaves_nothing_half_written(
    database_proxy: TcpProxy, owner: Any, ngo: Organization
) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    url, data = _news(ngo)
    audit_before = AuditEntry.objects.count()

    # the news item is inserted, then the database goes away before its audit entry
    with connection.execute_wrapper(_cut_before(database_proxy, AuditEntry._meta.db_table)):
        response = client.post(url, data)

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    page = response.content.decode()
    assert "Сервис временно недоступен" in page
    assert "То, что вы отправили, не сохранено" in page

    database_proxy.restore()
    _next_request()
    assert NewsItem.objects.count() == 0  # the item inserted before the cut was rolled back
    assert AuditEntry.objects.count() == audit_before

    # the database is back: the same form goes through, once
    response = client.post(url, data)
    assert response.status_code == 302
    assert NewsItem.objects.filter(title=data["title"]).count() == 1
    assert AuditEntry.objects.filter(action="news.item.create").count() == 1


def test_pages_answer_again_once_the_database_returns(database_proxy: TcpProxy, owner: Any) -> None:
    client = Client(raise_request_exception=False)
    assert client.get(reverse("news:index")).status_code == 200
    database_proxy.cut()
    response = client.get(reverse("news:index"))
    assert response.status_code == 503
    assert "Сервис временно недоступен" in response.content.decode()
    database_proxy.restore()
    _next_request()
    assert client.get(reverse("news:index")).status_code == 200
