"""Resource bank at scale: 100,000 offers and 20,000 requests (bench.data's data set); suggestions for one
request must take at most 100 ms at the 95th percentile on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nkohub_bench python -m bench resources

The catalogue page (its SQL at two sizes, its server time, its throughput against its floor) is
measured by bench/bench_pages.py.
"""

import random
import time

from bench import data, harness

SAMPLES = 200


def run(argv: list[str]) -> None:
    from nkohub.resources import selectors
    from nkohub.resources.models import ResourceOffer, ResourceRequest

    data.ensure(data.FULL)
    rng = random.Random(7)
    request_ids = list(
        ResourceRequest.objects.filter(status="open").order_by("pk").values_list("pk", flat=True)
    )
    offer_ids = list(
        ResourceOffer.objects.filter(status="published").order_by("pk").values_list("pk", flat=True)
    )

    timings = []
    for pk in rng.sample(request_ids, SAMPLES):
        resource_request = selectors.request_with_details(pk)
        assert resource_request is not None
        started = time.perf_counter()
        suggestions = selectors.suggested_offers(resource_request)
        timings.append((time.perf_counter() - started) * 1000)
        assert len(suggestions) <= selectors.SUGGESTIONS
    harness.p95_figure("suggested offers for one request", timings, goal=100)

    timings = []
    for pk in rng.sample(offer_ids, SAMPLES):
        offer = selectors.offer_with_details(pk)
        assert offer is not None
        started = time.perf_counter()
        selectors.suggested_requests(offer)
        timings.append((time.perf_counter() - started) * 1000)
    harness.p95_figure("suggested requests for one offer", timings, goal=100)
