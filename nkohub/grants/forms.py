from decimal import Decimal
from typing import Any, cast

from django import forms
from django.conf import settings
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from nkohub.core.forms import PlatformForm, PlatformModelForm
from nkohub.grants.document import Snapshot
from nkohub.grants.models import (
    FUND_NUMBER_RE,
    Application,
    BudgetItem,
    Competition,
    Funder,
    RegionComparison,
)
from nkohub.grants.permissions import APPLICANT_KINDS
from nkohub.organizations.models import Organization, Sphere
from nkohub.organizations.selectors import organizations_user_acts_for
from nkohub.projects.models import Project
from nkohub.territories.models import Municipality, Region

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONEY: dict[str, Any] = {"max_digits": 14, "decimal_places": 2, "min_value": Decimal("0")}


def _field(form: forms.BaseForm, name: str) -> Any:
    """A form field with its subclass's attributes (queryset, choices) for the type checker."""
    return cast(Any, form.fields[name])


def _check_dates_order(form: forms.Form, data: dict[str, Any]) -> dict[str, Any]:
    starts, ends = data.get("starts_on"), data.get("ends_on")
    if starts and ends and ends < starts:
        form.add_error("ends_on", _("The end date is earlier than the start date."))
    return data


class CalendarFilterForm(PlatformForm):
    WHEN_CHOICES = [
        ("", _("open and upcoming")),
        ("open", _("open now")),
        ("closing", _("closing within two weeks")),
        ("upcoming", _("not open yet")),
        ("past", _("applications closed")),
    ]
    when = forms.ChoiceField(label=_("When"), choices=WHEN_CHOICES, required=False)
    funder = forms.ModelChoiceField(
        label=_("Funder"), queryset=Funder.objects.all(), required=False, empty_label=_("any")
    )
    direction = forms.ModelChoiceField(
        label=_("Direction"),
        queryset=Sphere.objects.filter(grant_competitions__isnull=False)
        .distinct()
        .order_by("position", "name"),
        required=False,
        empty_label=_("any"),
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class StartApplicationForm(PlatformForm):
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    project = forms.ModelChoiceField(
        label=_("Project to start from"),
        queryset=Project.objects.none(),
        required=False,
        empty_label=_("— start from a blank application —"),
        help_text=_("Its title, description, goal, tasks, geography and target groups are copied."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organizations = organizations_user_acts_for(user).filter(kind__in=APPLICANT_KINDS)
        _field(self, "organization").queryset = organizations
        projects = Project.objects.filter(organization__in=organizations).select_related(
            "organization"
        )
        _field(self, "project").queryset = projects.order_by("organization__full_name", "title")
        _field(self, "project").label_from_instance = lambda p: f"{p.organization} — {p.title}"
        if organizations.count() == 1:
            self.fields["organization"].initial = organizations.first()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        project, organization = data.get("project"), data.get("organization")
        if project and organization and project.organization_id != organization.pk:
            self.add_error("project", _("This project belongs to another organisation."))
        return data


class ApplicationForm(PlatformForm):
    base_version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Project title"), max_length=300)
    direction = forms.ModelChoiceField(
        label=_("Grant direction"),
        queryset=Sphere.objects.none(),
        required=False,
        empty_label=_("— not chosen —"),
    )
    starts_on = forms.DateField(label=_("Start date"), required=False, widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("End date"), required=False, widget=DATE_WIDGET)
    requested_amount = forms.DecimalField(label=_("Requested amount, ₽"), **MONEY)
    cofinancing_amount = forms.DecimalField(label=_("Co-financing, ₽"), **MONEY)
    total_amount = forms.DecimalField(label=_("Total cost of the project, ₽"), **MONEY)
    summary = forms.CharField(
        label=_("Short description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    goal = forms.CharField(
        label=_("Goal"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One goal: what changes for people when the project is done."),
    )
    social_significance = forms.CharField(
        label=_("Justification of social significance"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    covers_whole_region = forms.BooleanField(label=_("The whole region"), required=False)
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities"),
        queryset=Municipality.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    geography = forms.CharField(
        label=_("Geography: details"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    target_groups = forms.CharField(
        label=_("Target groups"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One group per line."),
    )
    contacts = forms.CharField(
        label=_("Contact information"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    cofinancing_sources = forms.CharField(
        label=_("Co-financing and own contribution"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Who contributes what, one source per line: the organisation's own money, partners' "
            "premises or equipment, volunteers' work — with the amount in roubles."
        ),
    )
    note = forms.CharField(
        label=_("What changed (for the version history)"), required=False, max_length=300
    )

    def __init__(self, *args: Any, competition: Competition | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        directions = Sphere.objects.filter(is_fund_direction=True)
        if competition is not None and competition.directions.exists():
            directions = competition.directions.all()
        _field(self, "direction").queryset = directions.order_by("position", "name")
        _field(self, "municipalities").queryset = Municipality.objects.filter(
            region__code=settings.CLUSTER_REGION
        ).order_by("name")

    def clean(self) -> dict[str, Any]:
        return _check_dates_order(self, super().clean() or {})


class TaskForm(PlatformForm):
    text = forms.CharField(label=_("Task"), widget=forms.Textarea(attrs={"rows": 2}))


class TeamMemberForm(PlatformForm):
    name = forms.CharField(label=_("Full name"), max_length=200)
    role = forms.CharField(label=_("Role in the project"), max_length=200)
    experience = forms.CharField(
        label=_("Experience and competences"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class BudgetItemForm(PlatformForm):
    category = forms.ChoiceField(
        label=_("Category"),
        choices=BudgetItem.Category.choices,
        initial=BudgetItem.Category.OTHER,
    )
    name = forms.CharField(label=_("Item"), max_length=300)
    amount = forms.DecimalField(label=_("From the funder, ₽"), **MONEY)
    cofinancing = forms.DecimalField(label=_("Co-financing, ₽"), required=False, **MONEY)


class PlanEventForm(PlatformForm):
    task_number = forms.IntegerField(label=_("Task no."), min_value=1, max_value=99)
    title = forms.CharField(label=_("Event"), max_length=500)
    starts_on = forms.DateField(label=_("From"), required=False, widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("To"), required=False, widget=DATE_WIDGET)
    expected_result = forms.CharField(
        label=_("Expected result"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self) -> dict[str, Any]:
        return _check_dates_order(self, super().clean() or {})


TaskFormSet = formset_factory(TaskForm, extra=2, max_num=30, can_delete=True)
TeamFormSet = formset_factory(TeamMemberForm, extra=2, max_num=50, can_delete=True)
BudgetFormSet = formset_factory(BudgetItemForm, extra=2, max_num=100, can_delete=True)
PlanFormSet = formset_factory(PlanEventForm, extra=2, max_num=100, can_delete=True)


def _rows(formset: Any) -> list[dict[str, Any]]:
    """Filled rows in their order: saved rows (changed or not) and new ones, less those marked
    for deletion; untouched empty rows are skipped."""
    return [
        f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
    ]


def initial_from_snapshot(doc: Snapshot, version: int) -> dict[str, Any]:
    initial = {
        name: doc.get(name)
        for name in (
            "title",
            "starts_on",
            "ends_on",
            "requested_amount",
            "cofinancing_amount",
            "total_amount",
            "summary",
            "goal",
            "social_significance",
            "covers_whole_region",
            "geography",
            "target_groups",
            "contacts",
            "cofinancing_sources",
        )
    }
    initial["direction"] = doc.get("direction_id")
    initial["municipalities"] = [m["id"] for m in doc.get("municipalities", [])]
    initial["base_version"] = version
    return initial


def document_from_forms(
    form: ApplicationForm, tasks: Any, team: Any, budget: Any, plan: Any
) -> Snapshot:
    data = form.cleaned_data
    direction = data.get("direction")
    return {
        "title": data["title"],
        "direction_id": direction.pk if direction else None,
        "starts_on": data["starts_on"].isoformat() if data.get("starts_on") else None,
        "ends_on": data["ends_on"].isoformat() if data.get("ends_on") else None,
        "requested_amount": f"{data['requested_amount']:.2f}",
        "cofinancing_amount": f"{data['cofinancing_amount']:.2f}",
        "total_amount": f"{data['total_amount']:.2f}",
        "summary": data["summary"],
        "goal": data["goal"],
        "social_significance": data["social_significance"],
        "covers_whole_region": data["covers_whole_region"],
        "municipalities": [{"id": m.pk, "name": m.name} for m in data["municipalities"]],
        "geography": data["geography"],
        "target_groups": data["target_groups"],
        "contacts": data["contacts"],
        "cofinancing_sources": data["cofinancing_sources"],
        "team": [
            {
                "position": n,
                "name": row["name"],
                "role": row["role"],
                "experience": row.get("experience") or "",
            }
            for n, row in enumerate(_rows(team), start=1)
        ],
        "tasks": [
            {"position": n, "text": row["text"]} for n, row in enumerate(_rows(tasks), start=1)
        ],
        "budget_items": [
            {
                "position": n,
                "category": row["category"],
                "name": row["name"],
                "amount": f"{row['amount']:.2f}",
                "cofinancing": f"{row.get('cofinancing') or Decimal('0'):.2f}",
            }
            for n, row in enumerate(_rows(budget), start=1)
        ],
        "plan_events": [
            {
                "position": n,
                "task_number": row["task_number"],
                "title": row["title"],
                "starts_on": row["starts_on"].isoformat() if row.get("starts_on") else None,
                "ends_on": row["ends_on"].isoformat() if row.get("ends_on") else None,
                "expected_result": row.get("expected_result") or "",
            }
            for n, row in enumerate(_rows(plan), start=1)
        ],
    }


class StatusForm(PlatformForm):
    status = forms.ChoiceField(label=_("New status"), choices=Application.Status.choices)
    fund_number = forms.RegexField(
        label=_("Fund's application number"),
        regex=FUND_NUMBER_RE,
        required=False,
        help_text=_("Like 23-1-012905."),
        error_messages={"invalid": _("The number looks like 23-1-012905.")},
    )
    submitted_on = forms.DateField(label=_("Submitted on"), required=False, widget=DATE_WIDGET)
    awarded_amount = forms.DecimalField(label=_("Amount awarded, ₽"), required=False, **MONEY)
    decided_on = forms.DateField(label=_("Decided on"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args: Any, application: Application, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = application.TRANSITIONS.get(application.status, ())
        _field(self, "status").choices = [
            (value, label) for value, label in Application.Status.choices if value in allowed
        ]
        if application.fund_number:
            self.fields["fund_number"].initial = application.fund_number

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        status = data.get("status")
        if status == Application.Status.SUBMITTED and not data.get("fund_number"):
            self.add_error("fund_number", _("Enter the number the Fund gave the application."))
        if status == Application.Status.WON and not data.get("awarded_amount"):
            self.add_error("awarded_amount", _("Enter the amount awarded."))
        return data


class CardPasteForm(PlatformForm):
    text = forms.CharField(
        label=_("Text of the project card"),
        widget=forms.Textarea(attrs={"rows": 18}),
        max_length=100_000,
        help_text=_("Copy the whole page of the project from the Fund's site and paste it here."),
    )
    dry_run = forms.BooleanField(
        label=_("Only show what would be imported"), required=False, initial=True
    )


class ComparisonForm(PlatformModelForm):
    class Meta:
        model = RegionComparison
        fields = [
            "region",
            "funder",
            "year_from",
            "year_to",
            "applications",
            "winners",
            "amount",
            "source",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "region").queryset = Region.objects.exclude(
            code=settings.CLUSTER_REGION
        ).order_by("name")


class CompetitionForm(PlatformModelForm):
    class Meta:
        model = Competition
        fields = [
            "funder",
            "title",
            "description",
            "directions",
            "applications_open_on",
            "applications_close_on",
            "implementation_starts_from",
            "implementation_ends_by",
            "min_amount",
            "max_amount",
            "cofinancing_min_percent",
            "vague_budget_item_max_percent",
            "url",
        ]
        widgets = {
            "applications_open_on": DATE_WIDGET,
            "applications_close_on": DATE_WIDGET,
            "implementation_starts_from": DATE_WIDGET,
            "implementation_ends_by": DATE_WIDGET,
            "directions": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "directions").queryset = Sphere.objects.order_by(
            "-is_fund_direction", "position", "name"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        pairs = (
            ("applications_open_on", "applications_close_on"),
            ("implementation_starts_from", "implementation_ends_by"),
            ("min_amount", "max_amount"),
        )
        for low, high in pairs:
            if data.get(low) is not None and data.get(high) is not None and data[high] < data[low]:
                self.add_error(
                    high,
                    _("Must not be less than «%(other)s».") % {"other": self.fields[low].label},
                )
        return data
