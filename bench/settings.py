"""Production settings plus the benchmarks' floor views (bench/floors.py); used only by `make bench`."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
