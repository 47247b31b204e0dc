"""gunicorn settings of НКО-Кластер (docs/deployment.md §6).

    .venv/bin/gunicorn --config deploy/gunicorn.conf.py config.wsgi:application

Every value can be changed from the environment (the systemd unit reads /srv/nkohub/.env):
GUNICORN_BIND, GUNICORN_WORKERS, GUNICORN_THREADS, GUNICORN_TIMEOUT.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# About two processes per core; each has a few threads for requests that wait on the database.
workers = int(os.environ.get("GUNICORN_WORKERS", str(2 * multiprocessing.cpu_count())))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# A process is replaced after this many requests (a slow leak in a library never grows for long).
max_requests = 2000
max_requests_jitter = 200
# The application is loaded in each worker, not in the master: `systemctl reload` (HUP) then picks up
# new code, and no database connection is ever shared across a fork.
preload_app = False
# nginx on the same machine is the only proxy whose X-Forwarded-* headers gunicorn believes.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = "-"
errorlog = "-"
# The request id (X-Request-ID, set by nginx or by the application) ends every access-log line.
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s" %({x-request-id}o)s'
proc_name = "nkohub-web"


def child_exit(server: object, worker: object) -> None:
    """With PROMETHEUS_MULTIPROC_DIR (docs/deployment.md §13), a finished process's live gauges go."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[attr-defined]
