"""One fixed-size data set for every benchmark, generated deterministically into DATABASE_URL's database.

    ensure(FULL)    # 200,000 organisations, 100,000 offers, 2,000 competitions, 5,000 fair projects, ...
    ensure(SMALL)   # a tenth of that, for "SQL per page at two sizes" (in its own database: SMALL_SUFFIX)
    python -m bench.data [full|small]   # the same from the shell

`ensure(size)` creates and migrates the database when needed, counts what each table holds and
regenerates only the tables whose contents differ from `size` — rows an import or an earlier run left
behind are deleted, missing ones are made again from the same seeds — so no import or write can change
the size of what a benchmark measures. It prints the sizes it measured at and returns them.

Every row comes from a seeded random generator: organisation N is the same at any size and after any
top-up (its generator is seeded with N); the other tables are regenerated whole from one seed each.
"""

import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from bench import data_lists, data_registry

SMALL_SUFFIX = "_small"


@dataclass(frozen=True)
class Size:
    name: str
    organizations: int
    offers: int
    competitions: int
    fair_projects: int
    appeals: int

    @property
    def requests(self) -> int:
        return self.offers // 5

    def describe(self) -> str:
        return (
            f"{self.organizations:,} organisations, {self.offers:,} offers ({self.requests:,} "
            f"requests), {self.competitions:,} competitions, {self.fair_projects:,} fair projects, "
            f"{self.appeals:,} published appeals"
        )


FULL = Size("full", 200_000, 100_000, 2_000, 5_000, 5_000)
SMALL = Size("small", 20_000, 10_000, 200, 500, 500)
SIZES = {size.name: size for size in (FULL, SMALL)}


def small_database_url(url: str) -> str:
    """The database of the SMALL data set beside DATABASE_URL's: the same server, `<name>_small`."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/") or "nkohub_bench"
    return urlunsplit(parts._replace(path="/" + name.removesuffix(SMALL_SUFFIX) + SMALL_SUFFIX))


def ensure(size: Size = FULL) -> Size:
    """Make the database hold exactly `size`; print and return the sizes measured afterwards."""
    from django.core.cache import caches
    from django.db import connection

    _ensure_database()
    started = time.perf_counter()
    changed = [
        name
        for name, step in (
            ("organisations", lambda: data_registry.ensure_organizations(size.organizations)),
            ("offers", lambda: data_registry.ensure_offers(size.offers, size.requests)),
            ("competitions", lambda: data_lists.ensure_competitions(size.competitions)),
            ("fair projects", lambda: data_lists.ensure_fair(size.fair_projects)),
            ("appeals", lambda: data_lists.ensure_appeals(size.appeals)),
        )
        if step()
    ]
    measured = measure(size.name)
    database = connection.settings_dict["NAME"]
    if changed:
        analyze()
        for name in caches:  # fragments and counts cached from other data
            caches[name].clear()
        print(f"  data: regenerated {', '.join(changed)} in {time.perf_counter() - started:.0f} s")
    print(f"  data ({size.name}, {connection.vendor} {database}): {measured.describe()}")
    if _counts(measured) != _counts(size):
        raise RuntimeError(f"the data set is {measured.describe()}, not {size.describe()}")
    return measured


def _counts(size: Size) -> tuple[int, int, int, int, int]:
    return size.organizations, size.offers, size.competitions, size.fair_projects, size.appeals


def measure(name: str = "") -> Size:
    """What the database holds now, counted as the pages see it."""
    from nkohub.grants.models import Competition
    from nkohub.organizations.models import Organization
    from nkohub.projects.models import FairEntry
    from nkohub.reception.models import Appeal
    from nkohub.resources.models import ResourceOffer, ResourceRequest

    offers = ResourceOffer.objects.count()
    if ResourceRequest.objects.count() != offers // 5:
        offers = -1  # requests differ: the offers' table set is not the generated one
    accepted = FairEntry.objects.filter(status=FairEntry.Status.ACCEPTED)
    return Size(
        name or "measured",
        Organization.objects.count(),
        offers,
        Competition.objects.count(),
        accepted.values("project_id").distinct().count(),
        Appeal.objects.filter(status=Appeal.Status.ANSWERED, publish_consent=True).count(),
    )


def _ensure_database() -> None:
    """Create DATABASE_URL's PostgreSQL database if it is missing, migrate it, load the reference."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from nkohub.territories.models import Municipality

    name = str(connection.settings_dict["NAME"])
    if connection.vendor != "postgresql" or "bench" not in name:
        raise SystemExit(
            f"The benchmarks' data set is generated into PostgreSQL, in a database of its own whose "
            f"name says so (it deletes whatever does not belong to it); {connection.vendor} {name!r} "
            f"is not one: DATABASE_URL=postgres://postgres@127.0.0.1:5432/nkohub_bench"
        )
    _create_postgres_database(connection.settings_dict)
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("  data: migrating the database")
        call_command("migrate", interactive=False, verbosity=0)
    if not Municipality.objects.exists():
        call_command("load_reference", verbosity=0)


def _create_postgres_database(settings: dict[str, Any]) -> None:
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import make_conninfo

    server = {
        key: str(settings[name])
        for key, name in (
            ("host", "HOST"),
            ("port", "PORT"),
            ("user", "USER"),
            ("password", "PASSWORD"),
        )
        if settings.get(name)
    }
    try:
        psycopg.connect(make_conninfo(dbname=settings["NAME"], **server)).close()
        return
    except psycopg.OperationalError:
        pass
    with psycopg.connect(make_conninfo(dbname="postgres", **server), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(settings["NAME"])))
    print(f"  data: created database {settings['NAME']}")


def analyze() -> None:
    """Fresh planner statistics after bulk inserts: without them PostgreSQL plans as for an empty table
    (autovacuum catches up only later, and a benchmark would measure the stale plan)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main(argv: list[str]) -> int:
    """`python -m bench.data [full|small]`: make DATABASE_URL's database hold that data set."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    django.setup()
    ensure(SIZES[argv[0] if argv else "full"])
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
