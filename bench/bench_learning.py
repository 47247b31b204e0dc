"""Certificates: the PDF of a certificate must render in under 2 s (p95 over at least 100 renders).

    python -m bench learning [--renders=100]

The certificate is built in memory (no database needed): a long name and a long course title, as the
largest real ones are. The first render loads WeasyPrint, Pango and the fonts and is reported apart.
"""

import logging
import time

from bench.harness import describe, figure, note, percentile, sample_ms

GOAL_MS = 2000.0


def _option(argv: list[str], name: str, default: int) -> int:
    for arg in argv:
        if arg.startswith(f"--{name}="):
            return int(arg.split("=", 1)[1])
    return default


def run(argv: list[str]) -> None:
    from django.utils import timezone

    from nkohub.learning.certificates import certificate_pdf
    from nkohub.learning.models import Certificate

    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    renders = max(100, _option(argv, "renders", 100))
    certificate = Certificate(
        code="7KQ2-M9XD-4TRB",
        full_name="Александра Константиновна Кржижановская-Преображенская",
        course_title="Как подготовить заявку в Фонд президентских грантов: от идеи проекта "
        "до бюджета и календарного плана",
        hours=72,
        issued_at=timezone.now(),
    )
    url = "https://nko-klaster.example/learning/certificates/7KQ2-M9XD-4TRB/"
    started = time.perf_counter()
    first = certificate_pdf(certificate, verify_url=url)
    note(
        f"first render (loads WeasyPrint and fonts): {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    note(f"PDF size: {len(first) / 1024:.1f} KiB")
    times = sample_ms(lambda: certificate_pdf(certificate, verify_url=url), samples=renders)
    note(describe(times))
    figure("certificate PDF render p95", percentile(times, 0.95), goal=GOAL_MS)
