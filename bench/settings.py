"""The platform's settings plus the benchmarks' floor views (bench/floors.py); used only by `make bench`.

In the benchmark's own process (in-process figures) DEBUG is off and the cache is production's Redis
cache when BENCH_REDIS_URL is set, while tasks still run at once (nothing else to start). The gunicorn
the benchmarks start (bench.harness.gunicorn) gets REDIS_URL and NKOHUB_ENV=production: everything as
docs/deployment.md says.
"""

from config.settings import *  # noqa: F403
from config.settings import ALLOWED_HOSTS, REDIS_CONNECT_TIMEOUT, REDIS_URL, env_str

ROOT_URLCONF = "bench.urls"
DEBUG = False
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver"]

BENCH_REDIS_URL = env_str("BENCH_REDIS_URL")
if BENCH_REDIS_URL and not REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "nkohub.core.cache.ResilientRedisCache",
            "LOCATION": BENCH_REDIS_URL,
            "KEY_PREFIX": "bench",
            "OPTIONS": {
                "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
                "socket_timeout": 0.5,
                "RETRY_AFTER": 5.0,
            },
        }
    }
