from decimal import Decimal
from typing import Any, cast

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.accounts.models import User
from nkohub.competitions.models import Call, Criterion, Report, Submission
from nkohub.core.attachments import MultipleFileField, validate_attachment
from nkohub.core.forms import PlatformForm, PlatformModelForm
from nkohub.organizations.models import Organization, Sphere
from nkohub.territories.forms import MunicipalityChoiceField

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONEY: dict[str, Any] = {"max_digits": 14, "decimal_places": 2, "min_value": Decimal("0")}


def _field(form: forms.BaseForm, name: str) -> Any:
    return cast(Any, form.fields[name])


class CallForm(PlatformModelForm):
    organization = forms.ModelChoiceField(
        label=_("Funder organisation"), queryset=Organization.objects.none()
    )

    class Meta:
        model = Call
        fields = [
            "title",
            "description",
            "eligibility",
            "directions",
            "applications_open_on",
            "applications_close_on",
            "implementation_starts_from",
            "implementation_ends_by",
            "min_amount",
            "max_amount",
            "budget_total",
            "cofinancing_min_percent",
            "reviews_per_submission",
            "score_gap",
        ]
        widgets = {
            "applications_open_on": DATE_WIDGET,
            "applications_close_on": DATE_WIDGET,
            "implementation_starts_from": DATE_WIDGET,
            "implementation_ends_by": DATE_WIDGET,
            "directions": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 4}),
            "eligibility": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, organizations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "directions").queryset = Sphere.objects.order_by(
            "-is_fund_direction", "position", "name"
        )
        if organizations is None:
            del self.fields["organization"]
        else:
            _field(self, "organization").queryset = organizations
            self.order_fields(["organization"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for low, high in (
            ("applications_open_on", "applications_close_on"),
            ("implementation_starts_from", "implementation_ends_by"),
            ("min_amount", "max_amount"),
        ):
            if data.get(low) is not None and data.get(high) is not None and data[high] < data[low]:
                self.add_error(
                    high,
                    _("Must not be earlier or smaller than «%(field)s».")
                    % {"field": self.fields[low].label},
                )
        return data


class CriterionForm(PlatformForm):
    name = forms.CharField(label=_("Criterion"), max_length=300)
    description = forms.CharField(
        label=_("What the expert looks at"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )
    weight = forms.DecimalField(
        label=_("Weight"),
        max_digits=4,
        decimal_places=2,
        min_value=Decimal("0.01"),
        initial=Decimal("1"),
    )
    max_score = forms.IntegerField(label=_("Highest score"), min_value=1, max_value=100, initial=10)


CriterionFormSet = formset_factory(
    CriterionForm, extra=2, can_delete=True, max_num=30, validate_max=True
)


class CallPartsForm(PlatformForm):
    required_documents = forms.CharField(
        label=_("Required documents"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("One per line."),
    )
    optional_documents = forms.CharField(
        label=_("Documents attached if the applicant has them"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        help_text=_("One per line."),
    )
    questions = forms.CharField(
        label=_("The funder's own questions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        help_text=_("One per line; every question must be answered."),
    )

    @staticmethod
    def lines(text: str) -> list[str]:
        return [line.strip()[:300] for line in text.splitlines() if line.strip()]


class SubmitForm(PlatformForm):
    confirm = forms.BooleanField(
        label=_("I confirm the application is complete: the submitted version will not change."),
        required=True,
    )

    def __init__(self, *args: Any, call: Call, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in call.questions.all():
            self.fields[f"answer_{question.pk}"] = forms.CharField(
                label=question.text,
                required=question.is_required,
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=5000,
            )
        for document in call.required_documents.all():
            self.fields[f"document_{document.pk}"] = forms.FileField(
                label=document.name, required=document.is_required, validators=[validate_attachment]
            )
        self.order_fields([name for name in self.fields if name != "confirm"] + ["confirm"])

    def answers(self) -> dict[int, str]:
        return {
            int(k.split("_")[1]): v
            for k, v in self.cleaned_data.items()
            if k.startswith("answer_") and v
        }

    def documents(self) -> dict[int, Any]:
        return {
            int(k.split("_")[1]): v
            for k, v in self.cleaned_data.items()
            if k.startswith("document_") and v
        }


class AssignForm(PlatformForm):
    expert = forms.ModelChoiceField(
        label=_("Expert"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("choose an expert"),
    )
    email = forms.EmailField(label=_("or invite a registered person by e-mail"), required=False)

    def __init__(self, *args: Any, experts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "expert").queryset = experts

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("expert") and not data.get("email"):
            raise forms.ValidationError(
                _("Choose an expert or enter the e-mail of a registered person.")
            )
        if not data.get("expert"):
            from django.contrib.auth import get_user_model

            person = (
                get_user_model().objects.filter(email__iexact=data["email"], is_active=True).first()
            )
            if person is None:
                self.add_error("email", _("Nobody with this e-mail is registered on the platform."))
            data["expert"] = person
        return data


class DeclarationForm(PlatformForm):
    conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this applicant?"),
        choices=[
            ("0", _("No: I have no interest in the outcome")),
            ("1", _("Yes: I have a conflict of interest")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    conflict_note = forms.CharField(
        label=_("What the conflict is"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
    )


class ReviewForm(PlatformForm):
    summary = forms.CharField(
        label=_("Conclusion"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )

    def __init__(self, *args: Any, criteria: list[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=f"{criterion.position}. {criterion.name} (0–{criterion.max_score})",
                min_value=0,
                max_value=criterion.max_score,
                required=False,
                help_text=criterion.description,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=3000,
            )
        self.order_fields([n for n in self.fields if n != "summary"] + ["summary"])

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            c.pk: (
                int(self.cleaned_data[f"score_{c.pk}"]),
                self.cleaned_data.get(f"comment_{c.pk}") or "",
            )
            for c in self.criteria
            if self.cleaned_data.get(f"score_{c.pk}") is not None
        }


class DecisionForm(PlatformForm):
    ACTIONS = [
        ("approve", pgettext_lazy("competitions", "Approve")),
        ("decline", _("Decline")),
        ("ask", _("Ask for more information")),
    ]
    action = forms.ChoiceField(label=_("Decision"), choices=ACTIONS, widget=forms.RadioSelect)
    amount = forms.DecimalField(label=_("Amount of the grant, ₽"), required=False, **MONEY)
    text = forms.CharField(
        label=_("Reason for the refusal, or what to add"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
    )
    error_fields = {"amount": "amount", "reason": "text", "question": "text"}


class AnswerForm(PlatformForm):
    answer = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )


class ReportForm(PlatformForm):
    text = forms.CharField(
        label=_("What was done in the period"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
    )
    attachments = MultipleFileField(label=_("Supporting documents"))

    def __init__(self, *args: Any, report: Report, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.report = report
        for indicator in report.indicators.all():
            self.fields[f"actual_{indicator.pk}"] = forms.DecimalField(
                label=_("%(name)s, %(unit)s (planned: %(value)s)")
                % {
                    "name": indicator.name,
                    "unit": indicator.unit,
                    "value": indicator.planned_value.normalize(),
                },
                max_digits=14,
                decimal_places=2,
                min_value=Decimal("0"),
                initial=indicator.actual_value,
            )
        for line in report.spending.all():
            self.fields[f"spent_{line.pk}"] = forms.DecimalField(
                label=_("%(name)s (planned: %(amount)s ₽)")
                % {"name": line.name, "amount": line.planned},
                initial=line.spent,
                **MONEY,
            )
        self.order_fields(["text"])

    def values(self, prefix: str) -> dict[int, Any]:
        return {
            int(k.split("_")[1]): v
            for k, v in self.cleaned_data.items()
            if k.startswith(prefix + "_")
        }


class ReportReviewForm(PlatformForm):
    accept = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Accept the report")), ("0", _("Return for changes"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Remarks"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=3000,
    )


class DeskFilterForm(PlatformForm):
    SORT_CHOICES = [
        ("number", _("by number")),
        ("-score", _("highest score first")),
        ("score", _("lowest score first")),
        ("-amount", _("largest request first")),
        ("amount", _("smallest request first")),
        ("-submitted", _("newest first")),
    ]
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    call = forms.ModelChoiceField(
        label=_("Call"), queryset=Call.objects.none(), required=False, empty_label=_("all calls")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("any")), *Submission.Status.choices],
        required=False,
    )
    direction = forms.ModelChoiceField(
        label=_("Direction"),
        queryset=Sphere.objects.order_by("position", "name"),
        required=False,
        empty_label=_("any"),
    )
    municipality = MunicipalityChoiceField(label=_("Municipality"), required=False)
    score_min = forms.DecimalField(
        label=_("Score from, %"), required=False, min_value=0, max_value=100, decimal_places=2
    )
    score_max = forms.DecimalField(
        label=_("Score to, %"), required=False, min_value=0, max_value=100, decimal_places=2
    )
    reviewer = forms.ModelChoiceField(
        label=_("Reviewer"), queryset=User.objects.none(), required=False, empty_label=_("any")
    )
    third_review = forms.TypedChoiceField(
        label=pgettext_lazy("competitions", "Reviews"),
        choices=[("", _("any")), ("1", _("another review needed"))],
        coerce=lambda value: value == "1",
        required=False,
    )
    sort = forms.ChoiceField(label=_("Sort"), choices=SORT_CHOICES, required=False)

    def __init__(self, *args: Any, calls: Any, reviewers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _field(self, "call").queryset = calls
        _field(self, "reviewer").queryset = reviewers


class BulkStatusForm(PlatformForm):
    status = forms.ChoiceField(
        label=_("Set the status"),
        choices=[
            (s, label) for s, label in Submission.Status.choices if s in Submission.BULK_STATUSES
        ],
    )

    def ids(self) -> list[int]:
        """The ticked submissions (checkboxes named `ids` on the desk's rows)."""
        return [int(v) for v in cast(Any, self.data).getlist("ids") if str(v).isdigit()][:1000]
