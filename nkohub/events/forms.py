"""Forms of events: the calendar's filters, an event (its times in its own time zone), moving and
cancelling it, registration with the organiser's questions, check-in by code, feedback."""

import zoneinfo
from datetime import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.forms import BoundedDateField, PlatformForm, PlatformModelForm
from nkohub.events.models import EVENT_FIELDS, Event, EventQuestion
from nkohub.organizations.models import Organization
from nkohub.territories.forms import MunicipalityChoiceField

# Russia's zones an organiser of the region is likely to need; the platform's own comes first.
TIME_ZONES = [
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
]


def _zone_choices() -> list[tuple[str, str]]:
    zones = [settings.TIME_ZONE, *(z for z in TIME_ZONES if z != settings.TIME_ZONE)]
    return [(zone, zone) for zone in zones]


def _local_input(label: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
    )


def in_zone(value: datetime | None, zone_name: str) -> datetime | None:
    """A time typed as the wall clock of `zone_name` (the form read it in the current zone)."""
    if value is None:
        return None
    naive = timezone.make_naive(value) if timezone.is_aware(value) else value
    return naive.replace(tzinfo=zoneinfo.ZoneInfo(zone_name))


class CalendarFilterForm(PlatformForm):
    kind = forms.ChoiceField(
        label=pgettext_lazy("event field", "Kind"),
        choices=[("", _("any")), *Event.Kind.choices],
        required=False,
    )
    municipality = MunicipalityChoiceField(
        label=_("Municipality"), required=False, empty_label=_("any")
    )
    organizer = forms.ModelChoiceField(
        label=_("Organiser"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("any"),
    )
    mode = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("any")), ("online", _("online")), ("offline", _("in person"))],
        required=False,
    )
    date_from = BoundedDateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = BoundedDateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    past = forms.BooleanField(label=_("Past events"), required=False)

    def __init__(self, *args: Any, organizers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["organizer"]
        field.queryset = organizers


class EventForm(PlatformModelForm):
    organizer = forms.ModelChoiceField(label=_("Organiser"), queryset=Organization.objects.none())
    starts_at = _local_input(pgettext_lazy("event field", "Starts"))
    ends_at = _local_input(pgettext_lazy("event field", "Ends"))
    municipality = MunicipalityChoiceField(
        label=_("Municipality"),
        required=False,
        help_text=_("Where an in-person event takes place."),
    )
    questions = forms.CharField(
        label=_("Questions asked at registration"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "One per line; answers are optional. Add required questions on the event's page."
        ),
    )

    class Meta:
        model = Event
        fields = list(EVENT_FIELDS)
        widgets = {
            "registration_opens_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "registration_closes_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "description": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args: Any, organizations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["time_zone"] = forms.ChoiceField(
            label=_("Time zone"), choices=_zone_choices(), initial=settings.TIME_ZONE
        )
        if self.instance.pk:
            # times change by moving the event (everyone registered is told); the organiser stays
            for name in ("organizer", "starts_at", "ends_at", "questions"):
                del self.fields[name]
            for name in ("registration_opens_at", "registration_closes_at"):
                value = getattr(self.instance, name)
                if value is not None:
                    self.initial[name] = value.astimezone(self.instance.zone).replace(tzinfo=None)
        else:
            field: Any = self.fields["organizer"]
            field.queryset = organizations
            if organizations is not None and organizations.count() == 1:
                self.initial["organizer"] = organizations.first()
        self.apply_input_limits()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone = data.get("time_zone") or settings.TIME_ZONE
        for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
            if name in self.fields and data.get(name) is not None:
                data[name] = in_zone(data[name], zone)
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The event must end after it starts."))
        return data


class MoveForm(PlatformForm):
    starts_at = _local_input(_("New start"))
    ends_at = _local_input(_("New end"))

    def __init__(self, *args: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        if not self.is_bound:
            self.initial = {
                "starts_at": event.local_start.replace(tzinfo=None),
                "ends_at": event.local_end.replace(tzinfo=None),
            }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in ("starts_at", "ends_at"):
            if data.get(name) is not None:
                data[name] = in_zone(data[name], self.event.time_zone)
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("The event must end after it starts."))
        return data


class CancelForm(PlatformForm):
    reason = forms.CharField(
        label=_("Why is it cancelled"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Everyone registered receives this."),
    )


class QuestionForm(PlatformForm):
    text = forms.CharField(label=pgettext_lazy("event question", "Question"), max_length=300)
    required = forms.BooleanField(label=_("An answer is required"), required=False)


class RegisterForm(PlatformForm):
    organization = forms.ModelChoiceField(
        label=_("I come from"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("on my own"),
    )

    def __init__(
        self, *args: Any, questions: list[EventQuestion], organizations: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["organization"]
        field.queryset = organizations
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.CharField(
                label=question.text, required=question.required, max_length=1000
            )
        self.apply_input_limits()

    def answers(self) -> dict[str, str]:
        return {
            str(question.pk): self.cleaned_data.get(f"q{question.pk}", "")
            for question in self.questions
        }


class CheckinForm(PlatformForm):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class FeedbackForm(PlatformForm):
    rating = forms.TypedChoiceField(
        label=_("How would you rate the event"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    useful = forms.CharField(
        label=_("What was useful"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    to_change = forms.CharField(
        label=_("What should we change"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
