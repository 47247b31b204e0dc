import datetime
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from nkohub.analytics.dashboard import BLOCK_CHOICES
from nkohub.core.forms import BoundedDateField, PlatformForm

MAX_IMPORT_BYTES = 10 * 1024 * 1024


class FiguresImportForm(PlatformForm):
    KINDS = [
        ("subsidies", _("Regional subsidies (a ministry's decision table)")),
        ("fund_results", _("The Fund's results by year and region")),
        ("media", _("Media figures by month")),
    ]

    kind = forms.ChoiceField(label=_("What the file holds"), choices=KINDS)
    file = forms.FileField(
        label=_("File"), help_text=_("XLSX, or CSV in UTF-8 or Windows-1251 as Excel saves it.")
    )
    source = forms.CharField(
        label=_("Source of the figures"),
        max_length=300,
        help_text=_(
            "For example: order of the Ministry of Economic Development No. 123 of 15.03.2021."
        ),
    )
    source_date = BoundedDateField(label=_("Date of the source"), required=False)
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2000,
        max_value=2100,
        required=False,
        help_text=_("For subsidies when the file has no column with the year."),
    )
    thousands = forms.BooleanField(label=_("Amounts are in thousand ₽"), required=False)
    dry_run = forms.BooleanField(label=_("Check only, write nothing"), required=False)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith((".csv", ".xlsx", ".txt")):
            raise ValidationError(_("Upload an XLSX or CSV file."))
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(_("The file is larger than 10 MB."))
        return upload


class PublicBlocksForm(PlatformForm):
    public = forms.MultipleChoiceField(
        label=_("Blocks everyone sees"),
        choices=BLOCK_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class ReportForm(PlatformForm):
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2000,
        max_value=2100,
        required=False,
        help_text=_("The whole year; or give the period's dates below."),
    )
    start = BoundedDateField(label=_("Period from"), required=False)
    end = BoundedDateField(label=_("Period to"), required=False)
    conclusions = forms.CharField(
        label=_("Conclusions"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The report's last section, written by the operator (Markdown)."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        year, start, end = data.get("year"), data.get("start"), data.get("end")
        if year:
            data["start"], data["end"] = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        elif not (start and end):
            raise ValidationError(_("Give a year or both dates of the period."))
        elif end < start:
            raise ValidationError(_("The period ends before it starts."))
        return data
