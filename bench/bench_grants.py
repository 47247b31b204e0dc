"""Exports at full size: the PDF and DOCX of a full application, and the registry's CSV and XLSX.

    DATABASE_URL=postgres://…/nkohub_bench python -m bench grants [--rounds=5] [--registry-rows=200000]

The full application has what a large Fund application has: 12 tasks, a team of 8, 40 budget items,
60 events of the calendar plan and long texts (about 10 pages of PDF). It is created once (by the
generated organisation `bench-1500`, to the first generated competition) and reused. The registry
figures use bench.data's 200,000 organisations. Each figure is printed beside
its goal (✔/✘) with the machine's load average, since the machine may be shared.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings

from bench import data
from nkohub.grants import services
from nkohub.grants.document import snapshot_of
from nkohub.grants.exports import build_docx, build_pdf, warm_up_pdf
from nkohub.grants.models import Application, ApplicationExport, Competition
from nkohub.grants.selectors import application_document
from nkohub.organizations.models import Organization, Sphere

MARK = "bench-1500"  # a generated organisation of bench.data with no other role
GOAL_SECONDS = 2.0
ROOT = Path(__file__).resolve().parent.parent
PARAGRAPH = (
    "По данным министерства труда и социальной защиты Калужской области, в регионе живут более "
    "160 тысяч человек старше 65 лет, из них почти каждый пятый — один. Социальные службы "
    "обеспечивают надомное обслуживание, но не закрывают потребность в общении, сопровождении к "
    "врачу и мелкой бытовой помощи; опрос 240 пожилых жителей весной 2026 года показал, что 58 % "
    "из них выходят из дома реже раза в неделю. "
)


def _option(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return int(arg.split("=", 1)[1])
    return default


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def _verdict(seconds: float, goal: float = GOAL_SECONDS) -> str:
    return f"goal ≤ {goal:g} s {'✔' if seconds <= goal else '✘'}"


def full_document(direction_id: int | None) -> dict[str, Any]:
    starts = date(2027, 3, 1)
    tasks = [
        {"position": n, "text": f"Задача {n}: помощь волонтёров пожилым жителям района {n}."}
        for n in range(1, 13)
    ]
    budget = [
        {
            "position": n,
            "category": ("pay", "events", "travel", "equipment", "publicity")[n % 5],
            "name": f"Статья {n}: оплата услуг и материалов для мероприятий блока {n}",
            "amount": "75000.00",
            "cofinancing": "15000.00",
        }
        for n in range(1, 41)
    ]
    plan = [
        {
            "position": n,
            "task_number": 1 + n % 12,
            "title": f"Мероприятие {n}: встреча клуба выходного дня и выезд волонтёров",
            "starts_on": (starts + timedelta(days=5 * n)).isoformat(),
            "ends_on": (starts + timedelta(days=5 * n + 20)).isoformat(),
            "expected_result": f"{20 + n} участников, {n % 4 + 1} публикации в местных СМИ",
        }
        for n in range(1, 61)
    ]
    team = [
        {
            "position": n,
            "name": f"Участник команды {n}",
            "role": "руководитель проекта" if n == 1 else f"координатор направления {n}",
            "experience": "восемь лет работы с пожилыми людьми, два реализованных гранта, "
            "обучение волонтёров серебряного возраста",
        }
        for n in range(1, 9)
    ]
    return {
        "title": "Соседи рядом: помощь волонтёров одиноким пожилым жителям Калужской области",
        "direction_id": direction_id,
        "starts_on": starts.isoformat(),
        "ends_on": date(2028, 2, 28).isoformat(),
        "requested_amount": "3000000.00",
        "cofinancing_amount": "600000.00",
        "total_amount": "3600000.00",
        "summary": PARAGRAPH * 3,
        "goal": "Снизить социальную изоляцию одиноких пожилых жителей Калужской области.",
        "social_significance": "\n".join([PARAGRAPH * 2] * 6),
        "covers_whole_region": True,
        "municipalities": [],
        "geography": "Калужская область",
        "target_groups": "\n".join(f"Пожилые люди, группа {n}" for n in range(1, 7)),
        "contacts": "+7 (4842) 00-00-00, bench@example.org",
        "cofinancing_sources": "Собственные средства организации — 600 000 ₽",
        "tasks": tasks,
        "team": team,
        "budget_items": budget,
        "plan_events": plan,
    }


@transaction.atomic
def full_application() -> Application:
    """The full application of one generated organisation to one generated competition: nothing is
    added to the registry or the competitions, so bench.data's sizes stay as they are."""
    organization = Organization.objects.get(source_id=MARK)
    existing = Application.objects.filter(
        title__startswith="Соседи рядом", is_demo=True, organization=organization
    )
    if existing.exists():
        return existing.get()
    competition = Competition.objects.order_by("pk").first()
    if competition is None:
        raise SystemExit("no competitions: bench.data.ensure() makes them")
    application = services.application_start(
        actor=None, organization=organization, competition=competition
    )
    direction = Sphere.objects.filter(is_fund_direction=True).order_by("position").first()
    services.application_save(
        actor=None,
        application=application,
        document=full_document(direction.pk if direction else None),
        base_version=application.version,
    )
    Application.objects.filter(pk=application.pk).update(is_demo=True)
    application.refresh_from_db()
    return application


def _timed(function: Any, rounds: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each round: on a shared machine the CPU time is what the
    work costs on an idle core, the wall time what a person waits for now."""
    wall, cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return wall, cpu


def cold_pdf(application_id: int) -> dict[str, float]:
    """In a fresh process: what the first PDF of a process costs, step by step."""
    code = (
        "import json, os, sys, time; sys.path.insert(0, '.');"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings');"
        "import django; django.setup();"
        "from nkohub.grants.models import Application;"
        "from nkohub.grants.selectors import application_document;"
        "from nkohub.grants.document import snapshot_of;"
        "from nkohub.grants.exports import build_pdf;"
        f"a = application_document(Application.objects.get(pk={application_id}));"
        "doc = snapshot_of(a); c = time.process_time(); t = time.perf_counter();"
        "import weasyprint; i = time.perf_counter() - t; t = time.perf_counter();"
        "build_pdf(a, doc); f = time.perf_counter() - t; fc = time.process_time() - c;"
        "t = time.perf_counter(); build_pdf(a, doc);"
        "print(json.dumps({'import': i, 'first': f, 'cpu': fc,"
        " 'second': time.perf_counter() - t}))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def bench_application_exports(rounds: int) -> None:
    application = full_application()
    document = application_document(application)
    doc = snapshot_of(document)
    print(
        f"full application: {len(doc['tasks'])} tasks, {len(doc['team'])} team members, "
        f"{len(doc['budget_items'])} budget items, {len(doc['plan_events'])} events"
    )
    cold = cold_pdf(application.pk)
    print(
        f"PDF, first in a fresh process (the old request path): import WeasyPrint "
        f"{cold['import']:.2f} s + first layout {cold['first']:.2f} s = "
        f"{cold['import'] + cold['first']:.2f} s (CPU {cold['cpu']:.2f} s); the same PDF again "
        f"{cold['second']:.2f} s"
        f"  ({_load()})"
    )
    started = time.perf_counter()
    warm_up_pdf()
    print(f"PDF renderer warm-up at worker start: {time.perf_counter() - started:.2f} s")
    pages: list[bytes] = []
    times, cpu = _timed(lambda: pages.append(build_pdf(document, doc)), rounds)
    median = statistics.median(times)
    print(
        f"PDF of the full application, warm worker: median {median:.2f} s, max {max(times):.2f} s "
        f"of {rounds} (CPU {statistics.median(cpu):.2f} s), {len(pages[-1]) // 1024} KB — "
        f"{_verdict(median)}; on an idle core: {_verdict(statistics.median(cpu))}  ({_load()})"
    )
    times, cpu = _timed(lambda: build_docx(document, doc), rounds)
    median = statistics.median(times)
    print(
        f"DOCX of the full application: median {median:.2f} s, max {max(times):.2f} s "
        f"(CPU {statistics.median(cpu):.2f} s) — {_verdict(median)}"
    )
    bench_export_requests(application)


def bench_export_requests(application: Application) -> None:
    """What a person waits for: the click that queues the PDF, and the download of a ready one."""
    user = get_user_model().objects.filter(is_operator=True).first()
    if user is None:
        user = get_user_model().objects.create_user(
            email="bench-operator@example.org", password=None, is_operator=True
        )
    client = Client()
    client.force_login(user)
    ApplicationExport.objects.filter(application=application).delete()
    url = f"/grants/applications/{application.pk}/export.pdf"
    worker = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    at_once = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=worker, ALLOWED_HOSTS=["testserver"]):  # a worker takes it later
        client.get(f"/grants/applications/{application.pk}/")  # load the views and templates
        ApplicationExport.objects.filter(application=application).delete()
        started = time.perf_counter()
        response = client.get(url)
        queued = time.perf_counter() - started
    status = response.status_code
    ApplicationExport.objects.filter(application=application).delete()
    with override_settings(TASKS=at_once, ALLOWED_HOSTS=["testserver"]):
        started = time.perf_counter()
        response = client.get(url)  # no worker: rendered when the request's transaction commits
        rendered = time.perf_counter() - started
        started = time.perf_counter()
        ready: Any = client.get(url)
        body = b"".join(ready.streaming_content if ready.streaming else [ready.content])
        cached = time.perf_counter() - started
    print(
        f"PDF request with a worker: answered ({status}, progress page) in {queued * 1000:.0f} ms; "
        f"without a worker: {rendered:.2f} s — {_verdict(rendered)}; a ready PDF again: "
        f"{cached * 1000:.0f} ms ({len(body) // 1024} KB)"
    )


def registry_export(fmt: str) -> dict[str, float]:
    """In this process: the directory export of every organisation as the page serves it."""
    client = Client()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    response: Any = client.get("/organizations/export/" + ("?format=xlsx" if fmt == "xlsx" else ""))
    first = None
    size = 0
    for chunk in response.streaming_content if response.streaming else [response.content]:
        if first is None:
            first = time.perf_counter() - started
        size += len(chunk)
    total = time.perf_counter() - started
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    return {"first": first or total, "total": total, "bytes": size, "peak_mb": peak}


def bench_registry(rows_wanted: int) -> None:
    rows = Organization.objects.filter(is_published=True).count()
    if rows < rows_wanted:
        print(
            f"registry: {rows:,} organisations (fewer than {rows_wanted:,}: bench.data.ensure() "
            "generates the fixed data set)"
        )
    for fmt in ("csv", "xlsx"):
        code = (
            "import json, os, sys; sys.path.insert(0, '.');"
            "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'config.settings');"
            "import django; django.setup();"
            "from django.test.utils import setup_test_environment; setup_test_environment();"
            "from bench.bench_grants import registry_export;"
            f"print(json.dumps(registry_export({fmt!r})))"
        )
        output = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        figures = json.loads(output.strip().splitlines()[-1])
        speed = rows / figures["total"] if figures["total"] else 0
        print(
            f"registry {fmt.upper()}, {rows:,} rows: first byte after {figures['first']:.2f} s, "
            f"whole file {figures['total']:.1f} s ({speed:,.0f} rows/s, "
            f"{figures['bytes'] / 1_048_576:.1f} MB), memory peak +{figures['peak_mb']:.0f} MB  "
            f"({_load()})"
        )


def run(argv: list[str]) -> None:
    data.ensure(data.FULL)
    print(f"machine: {_load()}")
    bench_application_exports(_option(argv, "rounds", 5))
    rows = _option(argv, "registry-rows", 200_000)
    if rows:
        bench_registry(rows)
