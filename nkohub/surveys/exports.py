"""A survey's results as an XLSX workbook (openpyxl): the counts per question, one row per response
with the organisation's sphere, legal form and municipality (no names when the survey is anonymous),
and the free-text answers."""

from io import BytesIO
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font

from nkohub.surveys.models import Answer, Question, Survey
from nkohub.surveys.selectors import question_results, responses_for_export

BOLD = Font(bold=True)


def _readable(question: Question, answers: list[Answer]) -> Any:
    if not answers:
        return ""
    if question.kind == Question.Kind.RANKING:
        ordered = sorted(answers, key=lambda a: a.rank or 0)
        return "; ".join(f"{a.rank}. {a.option}" for a in ordered)
    if question.kind == Question.Kind.MATRIX:
        return "; ".join(f"{a.row}: {a.option}" for a in answers)
    if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        return "; ".join(str(a.option) for a in answers)
    if question.kind in (Question.Kind.SCALE, Question.Kind.NUMBER):
        return answers[0].number
    return answers[0].text


def survey_xlsx(survey: Survey) -> bytes:
    responses, results = question_results(survey)
    book = Workbook()
    summary: Any = book.active
    summary.title = _("Results")[:31]
    summary.append([survey.title])
    summary["A1"].font = BOLD
    summary.append([pgettext("survey", "Responses"), responses])
    summary.append([])
    summary.append(
        [
            _("Question"),
            _("Answer"),
            pgettext("survey", "Responses"),
            _("Share, %"),
            _("Average place"),
        ]
    )
    for cell in summary[4]:
        cell.font = BOLD
    for result in results:
        q = result.question
        if result.matrix:
            for row_label, cells in result.matrix:
                for cell in cells:
                    summary.append(
                        [q.text, f"{row_label}: {cell.label}", cell.count, float(cell.percent)]
                    )
        for row in result.rows:
            summary.append(
                [
                    q.text,
                    row.label,
                    row.count,
                    float(row.percent),
                    float(row.extra) if row.extra is not None else None,
                ]
            )
        if result.average is not None:
            summary.append([q.text, _("average"), result.respondents, None, float(result.average)])
        if q.kind == Question.Kind.TEXT:
            summary.append([q.text, _("free-text answers"), result.respondents])
    questions = [r.question for r in results]
    sheet = book.create_sheet(pgettext("survey", "Responses")[:31])
    head = [_("No."), _("Sent on")]
    if not survey.is_anonymous:
        head.append(_("Organisation"))
    head += [_("Spheres"), _("Legal form"), _("Municipality"), *(q.text[:200] for q in questions)]
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = BOLD
    texts = book.create_sheet(_("Free-text answers")[:31])
    texts.append(
        [_("Question"), *([] if survey.is_anonymous else [_("Organisation")]), _("Answer")]
    )
    for number, response in enumerate(responses_for_export(survey), start=1):
        org = response.organization
        by_question: dict[int, list[Answer]] = {}
        for answer in response.answers.all():
            by_question.setdefault(answer.question_id, []).append(answer)
        line: list[Any] = [
            number,
            timezone.localtime(response.submitted_at).replace(tzinfo=None)
            if response.submitted_at
            else None,
        ]
        if not survey.is_anonymous:
            line.append(org.display_name if org else "")
        line += [
            ", ".join(s.name for s in org.spheres.all()) if org else "",
            str(org.legal_form or "") if org else "",
            str(org.municipality or "") if org else "",
        ]
        line += [_readable(q, by_question.get(q.pk, [])) for q in questions]
        sheet.append(line)
        for q in questions:
            if q.kind == Question.Kind.TEXT and by_question.get(q.pk):
                named = [] if survey.is_anonymous else [org.display_name if org else ""]
                texts.append([q.text, *named, by_question[q.pk][0].text])
    out = BytesIO()
    book.save(out)
    return out.getvalue()
