"""Forms of volunteering: the list's filters, a call, a response, hours and a dispute, the record's
visibility; a partnership request, a coalition, an invitation, an announcement, an internship."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.forms import BoundedDateField, PlatformForm, PlatformModelForm
from nkohub.organizations.models import Organization
from nkohub.territories.forms import MunicipalityChoiceField
from nkohub.volunteering.models import Coalition, Internship, Skill, VolunteerCall

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ServiceCheckedModelForm(PlatformModelForm):
    """A model form whose instance the service validates (`full_clean` with the counters and the
    rights it alone knows), so the form checks only its own fields and leaves the model alone."""

    def _post_clean(self) -> None:
        pass


class CallFilterForm(PlatformForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    municipality = MunicipalityChoiceField(label=_("Municipality"), required=False)
    skill = forms.ModelChoiceField(
        label=_("Skill"), queryset=Skill.objects.all(), required=False, to_field_name="slug"
    )
    on = BoundedDateField(
        label=pgettext_lazy("volunteer calls filter", "On"), required=False, widget=DATE
    )


class CallForm(ServiceCheckedModelForm):
    municipality = MunicipalityChoiceField(label=_("Municipality"), required=False)
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills"),
        queryset=Skill.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = VolunteerCall
        fields = [
            "title",
            "description",
            "starts_at",
            "ends_at",
            "is_online",
            "municipality",
            "address",
            "places",
            "skills",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "starts_at": DATETIME,
            "ends_at": DATETIME,
        }

    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )

    def __init__(self, *args: Any, organizations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organizations is None:
            del self.fields["organization"]
        else:
            organization_field: Any = self.fields["organization"]
            organization_field.queryset = organizations
            self.order_fields(["organization"])
        for name in ("starts_at", "ends_at"):
            field: Any = self.fields[name]
            field.input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("is_online") and not data.get("municipality"):
            self.add_error("municipality", _("Name the municipality, or mark the call as online."))
        return data


class OrganizationChoiceForm(PlatformForm):
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["organization"]
        field.queryset = organizations


class ResponseForm(PlatformForm):
    message = forms.CharField(
        label=_("Message to the organisation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you can do, when you can come, how to reach you."),
    )


class HoursForm(PlatformForm):
    hours = forms.DecimalField(
        label=pgettext_lazy("volunteer hours", "Hours"),
        min_value=Decimal("0.5"),
        max_value=Decimal("2000"),
        max_digits=6,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5"}),
    )


class DisputeForm(PlatformForm):
    reason = forms.CharField(
        label=_("What is wrong with the hours"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RecordVisibilityForm(PlatformForm):
    record_public = forms.BooleanField(
        label=_("Show my volunteer record on my public page"), required=False
    )


class AllianceForm(PlatformForm):
    proposer = forms.ModelChoiceField(label=_("On behalf of"), queryset=Organization.objects.none())
    description = forms.CharField(
        label=_("What the partnership is about"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["proposer"]
        field.queryset = organizations


class CoalitionForm(ServiceCheckedModelForm):
    founder = forms.ModelChoiceField(label=_("Founder"), queryset=Organization.objects.none())

    class Meta:
        model = Coalition
        fields = ["title", "description", "founder"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["founder"]
        field.queryset = organizations


class InviteForm(PlatformForm):
    organization = forms.ModelChoiceField(
        label=_("Organisation to invite"),
        queryset=Organization.objects.filter(is_published=True, kind=Organization.Kind.NGO),
        widget=forms.NumberInput,
        help_text=_(
            "The organisation's number in the registry (at the end of its page's address)."
        ),
    )


class AnnouncementForm(OrganizationChoiceForm):
    text = forms.CharField(
        label=pgettext_lazy("announcement field", "Text"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class InternshipForm(ServiceCheckedModelForm):
    class Meta:
        model = Internship
        fields = ["topic", "description", "starts_on", "ends_on", "places"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "starts_on": DATE,
            "ends_on": DATE,
        }


class InternshipRequestForm(OrganizationChoiceForm):
    message = forms.CharField(
        label=_("Why you want to come"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
