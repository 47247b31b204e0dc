import datetime as dt
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nkohub.core.forms import PlatformForm, PlatformModelForm
from nkohub.organizations.models import Organization
from nkohub.resources.availability import DEFAULT_SCHEDULE, SCHEDULES
from nkohub.resources.models import (
    OFFER_FIELDS,
    REQUEST_FIELDS,
    AvailabilityException,
    AvailabilityRule,
    Category,
    OfferPhoto,
    ResourceOffer,
    ResourceRequest,
    Review,
    Terms,
)
from nkohub.resources.validators import validate_photo
from nkohub.territories.forms import MunicipalityChoiceField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class CatalogueFilterForm(PlatformForm):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("Any category")), *Category.choices]
    )
    municipality = MunicipalityChoiceField(
        label=_("Municipality"), required=False, empty_label=_("Anywhere")
    )
    terms = forms.ChoiceField(
        label=_("Terms"), required=False, choices=[("", _("Any terms")), *Terms.choices]
    )
    free_on = forms.DateField(label=_("Free on"), required=False, widget=DATE)


class RequestFilterForm(PlatformForm):
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", _("Any category")), *Category.choices]
    )
    municipality = MunicipalityChoiceField(
        label=_("Municipality"), required=False, empty_label=_("Anywhere")
    )


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Organization) -> str:
        return obj.display_name


class OfferForm(PlatformModelForm):
    organization = OrganizationChoiceField(
        label=_("Offered by"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("Me, as a private person"),
    )
    municipality = MunicipalityChoiceField(label=_("Municipality"))
    schedule = forms.ChoiceField(
        label=_("When it can be booked"),
        choices=[
            *((key, schedule.label) for key, schedule in SCHEDULES.items()),
            ("", _("I will set the windows myself")),
        ],
        initial=DEFAULT_SCHEDULE,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "For premises, equipment and transport: people book slots within these windows. "
            "You can change them and add exceptions after saving."
        ),
    )

    class Meta:
        model = ResourceOffer
        fields = ["organization", *OFFER_FIELDS]
        widgets = {"available_from": DATE, "available_until": DATE}
        labels = {"title": _("Name of the resource")}

    def __init__(self, *args: Any, organizations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organizations is None:
            del self.fields["organization"]
        else:
            cast(forms.ModelChoiceField, self.fields["organization"]).queryset = organizations
        cast(MunicipalityChoiceField, self.fields["municipality"]).keep(
            self.instance.municipality_id
        )
        if self.instance.pk:
            del self.fields["schedule"]  # an existing offer's windows are edited on their own page

    def clean_schedule(self) -> str:
        # the radio buttons always send a choice; a client that sends none gets the default windows
        if self.add_prefix("schedule") not in self.data:
            return DEFAULT_SCHEDULE
        return str(self.cleaned_data["schedule"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("available_from"), data.get("available_until")
        if start and end and end < start:
            self.add_error(
                "available_until", _("The end of the period must not be before its start.")
            )
        return data


class RequestForm(PlatformModelForm):
    organization = OrganizationChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    municipality = MunicipalityChoiceField(label=_("Where"))

    class Meta:
        model = ResourceRequest
        fields = ["organization", *REQUEST_FIELDS]
        widgets = {"needed_from": DATE, "needed_until": DATE}

    def __init__(self, *args: Any, organizations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organizations is None:
            del self.fields["organization"]
        else:
            cast(forms.ModelChoiceField, self.fields["organization"]).queryset = organizations
        cast(MunicipalityChoiceField, self.fields["municipality"]).keep(
            self.instance.municipality_id
        )
        self.fields["needed_until"].required = False

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("needed_from"), data.get("needed_until")
        if start and not end:
            data["needed_until"] = start
        elif start and end and end < start:
            self.add_error("needed_until", _("The end of the period must not be before its start."))
        return data


class AvailabilityRuleForm(PlatformModelForm):
    class Meta:
        model = AvailabilityRule
        fields = ["weekday", "start_time", "end_time"]
        widgets = {"start_time": TIME, "end_time": TIME}


class AvailabilityExceptionForm(PlatformModelForm):
    class Meta:
        model = AvailabilityException
        fields = ["date", "is_closed", "start_time", "end_time", "note"]
        widgets = {"date": DATE, "start_time": TIME, "end_time": TIME}
        help_texts = {"is_closed": _("Otherwise give the hours when it is open that day.")}

    def clean_date(self) -> dt.date:
        date = self.cleaned_data["date"]
        if date < timezone.localdate():
            raise forms.ValidationError(_("The date is in the past."))
        return date


class PhotoForm(PlatformModelForm):
    class Meta:
        model = OfferPhoto
        fields = ["image", "caption"]
        widgets = {
            "image": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        }

    def clean_image(self) -> Any:
        image = self.cleaned_data["image"]
        validate_photo(image)
        return image


class BookingForm(PlatformForm):
    organization = OrganizationChoiceField(
        label=_("For organisation"), queryset=Organization.objects.none()
    )
    # the service speaks of the slot's moments, the form of its fields
    error_fields = {"starts_at": "start_time", "ends_at": "end_time"}
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("From"), widget=TIME)
    end_time = forms.TimeField(label=_("Until"), widget=TIME)
    request = forms.ModelChoiceField(
        label=_("For the request"),
        queryset=ResourceRequest.objects.none(),
        required=False,
        empty_label=_("No request"),
    )
    message = forms.CharField(
        label=_("Message to the owner"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, organizations: Any, requests: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["organization"]).queryset = organizations
        cast(forms.ModelChoiceField, self.fields["request"]).queryset = requests
        only = list(organizations[:2])
        # a person acting for one organisation books for it: nothing to choose
        self.only_organization = only[0] if len(only) == 1 else None
        if self.only_organization is not None:
            self.fields["organization"].initial = self.only_organization.pk
            self.fields["organization"].widget = forms.HiddenInput()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        date, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if date and start and end:
            if end <= start:
                self.add_error("end_time", _("The slot must end after it starts."))
            else:
                tz = timezone.get_current_timezone()
                data["starts_at"] = timezone.make_aware(dt.datetime.combine(date, start), tz)
                data["ends_at"] = timezone.make_aware(dt.datetime.combine(date, end), tz)
        return data


class DecisionForm(PlatformForm):
    note = forms.CharField(label=_("Note for the requester"), required=False, max_length=500)


class CancelForm(PlatformForm):
    reason = forms.CharField(
        label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviewForm(PlatformModelForm):
    class Meta:
        model = Review
        fields = ["rating", "text"]
        widgets = {
            "rating": forms.Select(choices=[(n, str(n)) for n in range(5, 0, -1)]),
            "text": forms.Textarea(attrs={"rows": 3}),
        }
