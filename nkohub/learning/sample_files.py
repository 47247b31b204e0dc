"""Real files of the formats the library takes, made at run time (no binaries in git): the demo's
materials and the tests' uploads.

    pdf_file("Шаблон сметы", ["Статья расходов…", …])   # WeasyPrint: a PDF with Cyrillic text
    docx_file("Чек-лист", ["…"])                         # python-docx: a Word document
    xlsx_file("Смета", [["Статья", "Сумма"], …])         # openpyxl
    text_file(["…"], encoding="cp1251")                  # as Russian Windows' Notepad saves it
"""

import html
import io
import re


def pdf_file(title: str, paragraphs: list[str]) -> bytes:
    from weasyprint import HTML

    body = "".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    page = (
        '<html lang="ru"><head><meta charset="utf-8"><style>'
        "@page { size: A4; margin: 2cm; } body { font-family: 'DejaVu Sans', sans-serif; }"
        "h1 { font-size: 20pt; color: #1f4e79; } p { font-size: 11pt; line-height: 1.4; }"
        f"</style></head><body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )
    return bytes(HTML(string=page).write_pdf())


def docx_file(title: str, paragraphs: list[str]) -> bytes:
    from docx import Document

    document = Document()
    document.add_heading(title, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_file(title: str, rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = re.sub(r"[\\/*?:\[\]]", " ", title)[:31].strip() or "Лист1"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def text_file(lines: list[str], *, encoding: str = "utf-8") -> bytes:
    return "\r\n".join(lines).encode(encoding)
