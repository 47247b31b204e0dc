"""Prometheus metrics at /metrics (prometheus-client; docs/deployment.md §13).

Counted in each process: requests (by view, method and status), their latency, task outcomes (Django's
`task_finished` signal, in the process that ran the task) and e-mail send failures. Read when scraped:
the depth of each task queue, the scheduler heartbeat's age, and the gauges the apps register with
`register_gauge` (e-mails waiting and failed, tasks waiting to be queued again: notifications).

Several processes: with PROMETHEUS_MULTIPROC_DIR set (an empty directory, shared by the web processes and
the workers of one machine, emptied when they start) every process writes its counts there and /metrics adds
them up; without it, each web process answers its own.

/metrics answers only local addresses (after TRUSTED_PROXIES), or anybody with METRICS_TOKEN as a bearer token.
"""

import hmac
import ipaddress
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import REGISTRY, Collector

logger = logging.getLogger(__name__)

REQUESTS = Counter("nkohub_http_requests", "Requests answered", ["view", "method", "status"])
LATENCY = Histogram(
    "nkohub_http_request_duration_seconds",
    "Time to answer a request",
    ["view", "method"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1.0, 2.5, 5.0, 10.0),
)
TASKS = Counter("nkohub_tasks", "Background tasks finished", ["task", "outcome"])
EMAIL_FAILURES = Counter("nkohub_email_send_failures", "E-mails that could not be sent", ["final"])

GaugeReader = Callable[[], Iterable[tuple[dict[str, str], float]]]
_gauges: dict[str, tuple[str, list[str], GaugeReader]] = {}


def register_gauge(name: str, documentation: str, labels: list[str], read: GaugeReader) -> None:
    """A gauge read when /metrics is scraped: `read()` yields (labels, value) pairs."""
    _gauges[name] = (documentation, labels, read)


class _ScrapeTimeCollector(Collector):
    def describe(self) -> list[Metric]:
        return []  # registering it must not read the database (apps are not ready at import)

    def collect(self) -> Iterator[Metric]:
        from nkohub.core import health

        depth = GaugeMetricFamily(
            "nkohub_queue_depth", "Tasks waiting in a queue", labels=["queue"]
        )
        for queue, count in (health.queue_depth() or {}).items():
            depth.add_metric([queue], count)
        yield depth
        heartbeat = health.scheduler_heartbeat()
        if heartbeat["seconds_ago"] is not None:
            yield GaugeMetricFamily(
                "nkohub_scheduler_heartbeat_age_seconds",
                "Seconds since a scheduler last looked for due jobs",
                value=heartbeat["seconds_ago"],
            )
        for name, (documentation, labels, read) in sorted(_gauges.items()):
            family = GaugeMetricFamily(name, documentation, labels=labels)
            try:
                for label_values, value in read():
                    family.add_metric([label_values[label] for label in labels], value)
            except Exception:  # a metric must never break the scrape
                logger.exception("Metric %s could not be read", name)
                continue
            yield family


_scrape_time = _ScrapeTimeCollector()
REGISTRY.register(_scrape_time)


def registry() -> CollectorRegistry:
    """This process's metrics, or every process's of this machine in multiprocess mode."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    combined = CollectorRegistry()
    MultiProcessCollector(combined)
    combined.register(_scrape_time)
    return combined


# Loopback and the private ranges of RFC 1918 and RFC 4193 (not Python's wider `is_private`, which also
# counts documentation and reserved ranges).
INTERNAL_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "127.0.0.0/8",
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "::1/128",
        "fc00::/7",
    )
)


def _local(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in INTERNAL_NETWORKS if network.version == ip.version)


def allowed(request: HttpRequest) -> bool:
    token = getattr(settings, "METRICS_TOKEN", "")
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(given.encode(), token.encode())
    return _local(str(request.META.get("REMOTE_ADDR", "")))


@require_safe  # a scrape is a GET; nothing here takes a POST
def metrics_view(request: HttpRequest) -> HttpResponse:
    if not allowed(request):
        return HttpResponse(status=404)
    return HttpResponse(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)


class MetricsMiddleware:
    """Counts each request and its latency by the view's URL name (never the raw path: bounded labels)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        match = request.resolver_match
        view = match.view_name if match is not None else "unmatched"
        method = request.method if request.method in _METHODS else "other"
        LATENCY.labels(view, method).observe(time.perf_counter() - started)
        REQUESTS.labels(view, method, str(response.status_code)).inc()
        return response


_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def count_finished_task(sender: Any, task_result: Any, **kwargs: Any) -> None:
    status = getattr(task_result.status, "value", str(task_result.status))
    TASKS.labels(task_result.task.module_path, str(status).lower()).inc()
