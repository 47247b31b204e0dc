"""The staff desk of the funder's members: search, filters, status tabs with counts, sorting,
bulk status changes, CSV/XLSX export — each a constant number of queries."""

import csv
from collections.abc import Iterator
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST, require_safe

from nkohub.competitions import selectors, services
from nkohub.competitions.forms import BulkStatusForm, DeskFilterForm
from nkohub.competitions.models import Submission
from nkohub.competitions.permissions import can_manage_call
from nkohub.core.pagination import paginate
from nkohub.core.permissions import refused, require
from nkohub.core.redirects import safe_next
from nkohub.core.types import AuthenticatedHttpRequest


def _filters(request: AuthenticatedHttpRequest) -> tuple[DeskFilterForm, selectors.DeskFilters]:
    form = DeskFilterForm(
        request.GET or None,
        calls=selectors.calls_run_by(request.user).order_by("-applications_close_on"),
        reviewers=selectors.desk_reviewers(request.user),
    )
    if not form.is_valid():
        return form, selectors.DeskFilters()
    data = form.cleaned_data
    return form, selectors.DeskFilters(
        call=data["call"].pk if data.get("call") else None,
        status=data.get("status") or "",
        q=data.get("q") or "",
        direction=data["direction"].pk if data.get("direction") else None,
        municipality=data["municipality"].pk if data.get("municipality") else None,
        score_min=data.get("score_min"),
        score_max=data.get("score_max"),
        reviewer=data["reviewer"].pk if data.get("reviewer") else None,
        third_review=bool(data.get("third_review")),
        sort=data.get("sort") or "number",
    )


def _require_desk(request: AuthenticatedHttpRequest) -> None:
    require(
        selectors.calls_run_by(request.user).exists()
        or refused(_("The desk is for the members of organisations that run calls."))
    )


@login_required
@require_safe
def desk(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_desk(request)
    form, filters = _filters(request)
    counts = selectors.desk_tab_counts(request.user, filters)
    tabs = [("", _("all"), counts[""])] + [
        (value, label, counts[value]) for value, label in Submission.Status.choices
    ]
    page = paginate(request, selectors.desk(request.user, filters))
    return render(
        request,
        "competitions/desk.html",
        {
            "form": form,
            "filters": filters,
            "tabs": tabs,
            "page": page,
            "bulk_form": BulkStatusForm(),
        },
    )


HEADERS = (
    gettext_lazy("No."),
    gettext_lazy("Call"),
    gettext_lazy("Organisation"),
    gettext_lazy("INN"),
    gettext_lazy("Municipality"),
    gettext_lazy("Project"),
    gettext_lazy("Direction"),
    gettext_lazy("Status"),
    gettext_lazy("Requested, ₽"),
    gettext_lazy("Mean score, %"),
    gettext_lazy("Spread, %"),
    pgettext_lazy("competitions", "Reviews"),
    gettext_lazy("Another review needed"),
    gettext_lazy("Awarded, ₽"),
)


def _export_rows(submissions: Any) -> Iterator[list[Any]]:
    statuses = dict(Submission.Status.choices)
    for s in submissions.iterator(chunk_size=2000):
        yield [
            s.number,
            s.call.title,
            s.organization.full_name,
            s.organization.inn,
            s.organization.municipality.name if s.organization.municipality else "",
            s.title,
            s.direction.name if s.direction else "",
            str(statuses.get(s.status, s.status)),
            s.requested_amount,
            s.score_mean,
            s.score_spread,
            s.reviews_done,
            str(_("yes")) if s.needs_third_review else "",
            s.awarded_amount,
        ]


class _Echo:
    def write(self, value: str) -> str:
        return value


@login_required
@require_safe
def desk_export(
    request: AuthenticatedHttpRequest, extension: str
) -> HttpResponse | StreamingHttpResponse:
    """The desk's rows under its filters: CSV streamed, XLSX built in write-only mode."""
    _require_desk(request)
    _form, filters = _filters(request)
    submissions = selectors.desk(request.user, filters)
    if extension == "csv":
        writer = csv.writer(_Echo(), delimiter=";")

        def lines() -> Iterator[str]:
            yield "\ufeff" + writer.writerow([str(h) for h in HEADERS])
            for row in _export_rows(submissions):
                yield writer.writerow(
                    [
                        ""
                        if v is None
                        else str(v).replace(".", ",")
                        if not isinstance(v, str)
                        else v
                        for v in row
                    ]
                )

        stream = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        stream["Content-Disposition"] = 'attachment; filename="submissions.csv"'
        return stream
    if extension != "xlsx":
        raise Http404
    import io

    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(str(_("Submissions")))
    sheet.append([str(h) for h in HEADERS])
    for row in _export_rows(submissions):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="submissions.xlsx"'
    return response


@login_required
@require_POST
def desk_bulk(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require_desk(request)
    form = BulkStatusForm(request.POST)
    calls = [c for c in selectors.calls_run_by(request.user) if can_manage_call(request.user, c)]
    require(
        bool(calls) or refused(_("Statuses are changed by the owners and editors of the funder."))
    )
    if form.is_valid() and form.ids():
        changed = services.submissions_bulk_status(
            actor=request.user,
            call_ids={c.pk for c in calls},
            ids=form.ids(),
            status=form.cleaned_data["status"],
        )
        messages.success(request, _("Statuses changed: %(count)s.") % {"count": changed})
    else:
        messages.error(request, _("Choose submissions and a status."))
    back = safe_next(request, fallback="")
    return redirect(back if back.startswith("/competitions/desk/") else "competitions:desk")
