"""Exports of an application in the Fund's order of sections: DOCX (python-docx) and PDF
(WeasyPrint, DejaVu fonts for Cyrillic). Both render the same snapshot the checker reads."""

import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from docx import Document
from docx.shared import Pt

from nkohub.grants.document import (
    SCALAR_FIELDS,
    Snapshot,
    budget_category_label,
    field_text,
    team_member_text,
)
from nkohub.grants.models import Application

ONE_LINE_FIELDS = (
    "title",
    "direction",
    "starts_on",
    "ends_on",
    "requested_amount",
    "cofinancing_amount",
    "total_amount",
)


def export_filename(application: Application, extension: str) -> str:
    return f"zayavka-{application.pk}-v{application.version}.{extension}"


def _heading(application: Application) -> str:
    competition = application.competition_title or (
        application.competition.title if application.competition else ""
    )
    return f"Заявка на конкурс «{competition}»" if competition else "Заявка на грант"


def sections(application: Application, doc: Snapshot) -> list[dict[str, Any]]:
    """The application's parts in the Fund's order, ready for a template."""
    parts = []
    for name, label in SCALAR_FIELDS:
        part: dict[str, Any] = {
            "name": name,
            "label": str(label),
            "inline": name in ONE_LINE_FIELDS,
        }
        if name == "tasks":
            part["lines"] = [f"{t['position']}. {t['text']}" for t in doc.get("tasks", [])]
        elif name == "team":
            part["lines"] = [team_member_text(m) for m in doc.get("team", [])]
        elif name == "target_groups":
            part["lines"] = [line for line in (doc.get("target_groups") or "").splitlines() if line]
        elif name == "budget_items":
            part["budget"] = [
                {**b, "category_label": budget_category_label(b["category"])}
                for b in doc.get("budget_items", [])
            ]
            part["budget_total"] = sum(
                (Decimal(b["amount"]) for b in doc.get("budget_items", [])), Decimal("0")
            )
        elif name == "plan_events":
            part["plan"] = [
                {**e, "dates": f"{_date(e['starts_on'])} – {_date(e['ends_on'])}"}
                for e in doc.get("plan_events", [])
            ]
        elif name == "direction":
            part["text"] = doc.get("direction") or "—"
        else:
            part["text"] = field_text(doc, name) or "—"
        parts.append(part)
    return parts


def build_docx(application: Application, doc: Snapshot) -> bytes:
    with translation.override("ru"):
        return _docx(application, doc)


def _docx(application: Application, doc: Snapshot) -> bytes:
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "DejaVu Sans"
    style.font.size = Pt(11)
    document.core_properties.title = doc.get("title", "")[:250]
    document.core_properties.author = str(application.organization)[:250]
    document.add_heading(_heading(application), level=0)
    document.add_paragraph(f"Организация: {application.organization.full_name}")
    for part in sections(application, doc):
        if part["inline"]:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{part['label']}: ").bold = True
            paragraph.add_run(part["text"])
            continue
        document.add_heading(part["label"], level=1)
        if "lines" in part:
            for item in part["lines"] or ["—"]:
                document.add_paragraph(item)
        elif "budget" in part:
            _table(
                document,
                ("№", "Статья", "Категория", "Из средств гранта", "Софинансирование"),
                [
                    (
                        str(b["position"]),
                        b["name"],
                        b["category_label"],
                        _rub(b["amount"]),
                        _rub(b["cofinancing"]),
                    )
                    for b in part["budget"]
                ],
            )
            document.add_paragraph(f"Итого из средств гранта: {_rub(str(part['budget_total']))}")
        elif "plan" in part:
            _table(
                document,
                ("№", "Задача", "Мероприятие", "Сроки", "Ожидаемый результат"),
                [
                    (
                        str(e["position"]),
                        str(e["task_number"]),
                        e["title"],
                        f"{_date(e['starts_on'])} – {_date(e['ends_on'])}",
                        e["expected_result"],
                    )
                    for e in part["plan"]
                ],
            )
        else:
            for line in part["text"].splitlines() or ["—"]:
                document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document: Any, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, headers, strict=True):
        cell.text = title
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _rub(value: str) -> str:
    whole, _dot, kopecks = f"{Decimal(value):.2f}".partition(".")
    return f"{int(whole):,}".replace(",", "\u00a0") + f",{kopecks}\u00a0₽"


def _date(value: str | None) -> str:
    if not value:
        return "—"
    year, month, day = value.split("-")
    return f"{day}.{month}.{year}"


def pdf_html(application: Application, doc: Snapshot) -> str:
    with translation.override("ru"):
        return render_to_string(
            "grants/export_pdf.html",
            {
                "application": application,
                "heading": _heading(application),
                "sections": sections(application, doc),
            },
        )


def build_pdf(
    application: Application,
    doc: Snapshot,
    *,
    on_progress: Callable[[int], None] | None = None,
) -> bytes:
    """The PDF in three steps (HTML, layout, file), each reported to `on_progress` in per cent.

    WeasyPrint is imported here, not at the top: loading it takes longer than rendering a whole
    application. A process that renders PDFs loads it once — the task workers at start
    (`warm_up_pdf`, GRANTS_WARM_PDF_RENDERER), any other process on its first PDF."""
    from weasyprint import HTML

    report = on_progress or (lambda percent: None)
    html = pdf_html(application, doc)
    report(20)
    document = HTML(string=html).render()
    report(80)
    return bytes(document.write_pdf())


def warm_up_pdf() -> None:
    """Load WeasyPrint, Pango and the fonts once, so the first real PDF costs only its layout."""
    from weasyprint import HTML

    HTML(string=WARM_UP_HTML).write_pdf()


WARM_UP_HTML = (
    '<html lang="ru"><body style="font-family: \'DejaVu Sans\'"><p>Заявка <b>на грант</b>: '
    "1 000,00 ₽</p><table><tr><td>1</td></tr></table></body></html>"
)
