from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from nkohub.core.forms import PlatformForm, PlatformModelForm
from nkohub.core.images import validate_image
from nkohub.organizations.models import Organization, Sphere
from nkohub.projects.models import (
    COVER_MAX_BYTES,
    COVER_MIN_SIZE,
    FairSeason,
    PlannedResult,
    Pledge,
    Project,
    ProjectNeed,
)
from nkohub.territories.forms import MunicipalitiesChoiceField, MunicipalityChoiceField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MoneyField(forms.DecimalField):
    """Rubles and kopecks; accepts «120 000,50» as people type it."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 14)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0"))
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = value.replace("\xa0", "").replace(" ", "").replace("₽", "").replace(",", ".")
        return super().to_python(value)


class ProjectForm(PlatformModelForm):
    tasks = forms.CharField(
        label=_("Tasks"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One task per line, in order."),
    )
    municipalities = MunicipalitiesChoiceField(
        label=_("Municipalities"), required=False, widget=forms.SelectMultiple(attrs={"size": 8})
    )
    budget_total = MoneyField(label=_("Total budget, ₽"))
    own_contribution = MoneyField(label=_("Own contribution, ₽"))
    cofinancing = MoneyField(label=_("Co-financing, ₽"))
    cover = forms.FileField(
        label=_("Cover image"),
        required=False,
        help_text=_(
            "A photo for the project's card at the fair: JPEG, PNG or WebP, up to 5 MB, "
            "at least 480×270 pixels; it is cut to 16:9."
        ),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_cover = forms.BooleanField(label=_("Remove the cover image"), required=False)

    class Meta:
        model = Project
        fields = [
            "title",
            "summary",
            "goal",
            "tasks",
            "social_significance",
            "spheres",
            "covers_whole_region",
            "municipalities",
            "target_groups",
            "starts_on",
            "ends_on",
            "budget_total",
            "own_contribution",
            "cofinancing",
        ]
        labels = {"title": _("Project title")}
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "goal": forms.Textarea(attrs={"rows": 2}),
            "social_significance": forms.Textarea(attrs={"rows": 4}),
            "target_groups": forms.Textarea(attrs={"rows": 3}),
            "spheres": forms.CheckboxSelectMultiple,
            "starts_on": DATE,
            "ends_on": DATE,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            cast(MunicipalitiesChoiceField, self.fields["municipalities"]).keep(
                *self.instance.municipalities.values_list("pk", flat=True)
            )
        if not self.instance.cover:
            del self.fields["remove_cover"]
        if self.instance.pk and not self.is_bound:
            self.initial["tasks"] = "\n".join(t.text for t in self.instance.tasks.all())

    def clean_cover(self) -> Any:
        cover = self.cleaned_data.get("cover")
        if cover is not None:
            validate_image(cover, max_bytes=COVER_MAX_BYTES, min_size=COVER_MIN_SIZE)
        return cover

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("covers_whole_region") and not data.get("municipalities"):
            self.add_error(
                "municipalities", _("Choose the municipalities or mark the whole region.")
            )
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end date cannot be earlier than the start date."))
        return data

    def task_list(self) -> list[str]:
        return [
            line.strip() for line in self.cleaned_data.get("tasks", "").splitlines() if line.strip()
        ]


class OrganizationChoiceForm(PlatformForm):
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organization"]).queryset = organizations


class StatusForm(PlatformForm):
    status = forms.ChoiceField(label=_("New status"), choices=Project.Status.choices)


class NeedForm(PlatformModelForm):
    quantity = MoneyField(label=_("How much"), min_value=Decimal("0.01"))

    class Meta:
        model = ProjectNeed
        fields = ["kind", "description", "quantity", "unit"]
        labels = {
            "kind": _("Kind of need"),
            "description": _("What is needed"),
            "unit": _("Unit of the need"),
        }


class PlannedResultForm(PlatformModelForm):
    planned_value = MoneyField(label=_("Planned value"))

    class Meta:
        model = PlannedResult
        fields = ["name", "unit", "planned_value"]
        labels = {"name": _("Indicator"), "unit": _("Unit of the indicator")}


class TeamMemberForm(PlatformForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    role = forms.CharField(label=_("Role in the project"), max_length=200)


class ResultsReportForm(PlatformForm):
    outcome_story = forms.CharField(
        label=_("What came of the project"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
    )

    def __init__(self, *args: Any, results: list[PlannedResult], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.results = results
        for result in results:
            self.fields[f"actual_{result.pk}"] = MoneyField(
                label=_("%(name)s, %(unit)s (planned: %(value)s)")
                % {
                    "name": result.name,
                    "unit": result.unit,
                    "value": f"{result.planned_value.normalize():f}",
                },
                required=False,
                initial=result.actual_value,
            )

    def actual_values(self) -> dict[int, Decimal | None]:
        return {r.pk: self.cleaned_data.get(f"actual_{r.pk}") for r in self.results}


class ResultPhotoForm(PlatformForm):
    image = forms.FileField(
        label=_("Photo"),
        help_text=_("JPEG, PNG or WebP, up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)


class SubmitToFairForm(PlatformForm):
    season = forms.ModelChoiceField(
        label=_("Fair season"), queryset=FairSeason.objects.none(), empty_label=_("Choose a season")
    )

    def __init__(self, *args: Any, seasons: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["season"]).queryset = seasons


class SeasonForm(PlatformModelForm):
    class Meta:
        model = FairSeason
        fields = FairSeason.EDITABLE_FIELDS
        labels = {"title": _("Season title"), "slug": _("Address in links")}
        help_texts = {"slug": _("Latin letters, digits and hyphens, e.g. fair-2026.")}
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "submissions_open_on": DATE,
            "submissions_close_on": DATE,
            "starts_on": DATE,
            "ends_on": DATE,
        }


class DecisionForm(PlatformForm):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("reject", _("Reject"))], widget=forms.HiddenInput
    )
    note = forms.CharField(
        label=_("Comment for the organisation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PledgeForm(PlatformForm):
    organization = forms.ModelChoiceField(
        label=_("On behalf of"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Myself, as a person"),
    )
    kind = forms.ChoiceField(label=_("Kind of support"), choices=Pledge.Kind.choices)
    need = forms.ModelChoiceField(
        label=_("Need it covers"),
        queryset=ProjectNeed.objects.none(),
        required=False,
        empty_label=_("— not tied to a need —"),
    )
    amount = MoneyField(
        label=_("Amount or quantity"),
        required=False,
        min_value=Decimal("0.01"),
        help_text=_(
            "For money: rubles and kopecks. For other kinds: in the unit of the need, if any."
        ),
    )
    description = forms.CharField(
        label=_("What exactly"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=3000,
    )

    def __init__(self, *args: Any, organizations: Any, needs: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organization"]).queryset = organizations
        cast(forms.ModelChoiceField, self.fields["need"]).queryset = needs

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Pledge.Kind.MONEY and data.get("amount") is None:
            self.add_error("amount", _("Enter the amount in rubles."))
        if (
            data.get("kind")
            and data.get("kind") != Pledge.Kind.MONEY
            and not data.get("description", "").strip()
        ):
            self.add_error("description", _("Describe what exactly you offer."))
        return data


class DeclineForm(PlatformForm):
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class FulfilmentForm(PlatformForm):
    received_on = forms.DateField(label=_("Received on"), widget=DATE)
    amount = MoneyField(
        label=_("Amount or quantity received"), required=False, min_value=Decimal("0.01")
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)
    completes = forms.BooleanField(label=_("The pledge is fulfilled in full"), required=False)


class FairFilterForm(PlatformForm):
    q = forms.CharField(label=_("Search"), required=False)
    season = forms.ModelChoiceField(
        label=_("Fair season"),
        queryset=FairSeason.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("All seasons"),
    )
    sphere = forms.ModelChoiceField(
        label=_("Sphere"),
        queryset=Sphere.objects.all(),
        required=False,
        empty_label=_("All spheres"),
    )
    municipality = MunicipalityChoiceField(
        label=_("Territory"), required=False, empty_label=_("All territories")
    )
    need = forms.ChoiceField(
        label=_("Needs"), choices=[("", _("Any need")), *ProjectNeed.Kind.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *Project.Status.choices], required=False
    )


class SponsorPreferencesForm(PlatformForm):
    spheres = forms.ModelMultipleChoiceField(
        label=_("Spheres"),
        queryset=Sphere.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    municipalities = MunicipalitiesChoiceField(
        label=_("Territories"), required=False, widget=forms.SelectMultiple(attrs={"size": 8})
    )


class PeriodForm(PlatformForm):
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("To"), widget=DATE)
    format = forms.ChoiceField(
        label=_("Format"), choices=[("xlsx", "XLSX"), ("pdf", "PDF")], initial="xlsx"
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end of the period cannot be earlier than its start."))
        return data
