"""`make run` serves the site and runs the scheduler in one process tree; Ctrl+C stops both.
The operations page shows every job's last and next run, even before the scheduler first ran."""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from nkohub.notifications.models import ScheduledJob
from nkohub.notifications.scheduling import periodic_jobs

ROOT = Path(__file__).resolve().parents[3]


def _database_url() -> str:
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{database['NAME']}"
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    return (
        f"postgres://{database['USER']}{password}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(line) for line in found.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie of the script's own children is already gone for our purpose.
    state = Path(f"/proc/{pid}/stat")
    return state.exists() and state.read_text().split(") ", 1)[1][:1] != "Z"


@pytest.mark.django_db(transaction=True)
def test_make_run_starts_the_scheduler_with_the_server_and_ctrl_c_stops_both(
    tmp_path: Path,
) -> None:
    port = _free_port()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(
        DATABASE_URL=_database_url(),
        DATA_DIR=str(tmp_path),
        DEBUG="1",
        PY=str(ROOT / ".venv" / "bin" / "python"),
        SCHEDULER_ARGS="--interval 1",
    )
    script = subprocess.Popen(
        [str(ROOT / "scripts" / "run-with-scheduler.sh"), f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 180
        answered = False
        while time.monotonic() < deadline and not answered:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=5) as r:
                    answered = r.status == 200
            except OSError:
                time.sleep(1)
        assert answered, "the server of make run never answered"
        while time.monotonic() < deadline and not ScheduledJob.objects.exists():
            time.sleep(1)
        assert ScheduledJob.objects.exists(), "the scheduler of make run never claimed a job"

        children = _children(script.pid)
        assert len(children) == 2, f"expected the server and the scheduler, got {children}"
        script.send_signal(signal.SIGINT)
        script.wait(timeout=60)
        time.sleep(0.5)
        assert [pid for pid in children if _alive(pid)] == [], "Ctrl+C left a process running"
    finally:
        if script.poll() is None:
            script.kill()
        output = script.communicate(timeout=30)[0]
    assert "Scheduler started" in output
    assert "Scheduler stopped" in output


@pytest.mark.django_db
def test_the_operations_page_shows_next_runs_before_the_scheduler_ever_ran(
    client: Client, operator: Any
) -> None:
    client.force_login(operator)
    page = client.get(reverse("notifications:operations")).text
    assert "Планировщик ещё не запускался" in page
    assert page.count("(когда заработает планировщик)") == len(periodic_jobs())
