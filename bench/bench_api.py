"""The API's largest lists against bare Django JSON views returning the same rows (bench/floors.py):
each at least 50 % of its floor's requests per second (issue 20), and constant SQL per request.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nkohub_bench python -m bench api [--full]

By default on the SMALL data set (a tenth of the full one): enough to compare the two views, and
cheap on a shared machine. `--full` measures on the full data set.
"""

from bench import data, harness

PAGES = [
    ("API offers", "/api/v1/offers?limit=20", "/bench-floor/api-offers/"),
    ("API organisations", "/api/v1/organizations?limit=20", "/bench-floor/api-organizations/"),
    # the news of `python -m bench news` when it has run on this database (the API's data set has
    # none of its own): an empty feed measures only the framework's overhead
    ("API news", "/api/v1/news?limit=20", "/bench-floor/api-news/"),
]


def run(argv: list[str]) -> None:
    from django.conf import settings

    size = data.FULL if "--full" in argv else data.SMALL
    data.ensure(size)
    # the bench's own client would be rate-limited like any other address
    settings.API_RATE_LIMIT_ADDRESS = 10**9
    for label, page, floor in PAGES:
        harness.note(f"{label}: {harness.queries_of(page)} SQL queries per request ({size.name})")
        harness.page_against_floor(label, page, floor)
