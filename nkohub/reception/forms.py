import uuid
from datetime import date
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nkohub.core.attachments import MultipleFileField
from nkohub.core.forms import PlatformForm, PlatformModelForm
from nkohub.organizations.models import Organization
from nkohub.organizations.selectors import organizations_user_acts_for
from nkohub.reception import deadlines, selectors
from nkohub.reception.models import Appeal, CalendarDay, Topic


def _choice(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


FILES_KEPT_NOTE = _("The text you typed is kept; choose the files again after correcting them.")


class TopicChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Topic) -> str:
        return f"{obj.name} — {obj.authority}"


class AppealForm(PlatformModelForm):
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    attachments = MultipleFileField(label=_("Attachments"))

    class Meta:
        model = Appeal
        fields = [
            "authority",
            "topic",
            "organization",
            "kind",
            "subject",
            "text",
            "publish_consent",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "authority").queryset = selectors.authorities()
        _choice(self, "authority").empty_label = _("— choose an authority —")
        self.fields["authority"].widget.attrs.update(
            {
                "hx-get": reverse("reception:appeal_create"),
                "hx-target": "#id_topic",
                "hx-select": "#id_topic > *",
                "hx-trigger": "change",
            }
        )
        self.fields["topic"] = TopicChoiceField(
            queryset=selectors.active_topics(),
            required=False,
            label=_("Topic"),
            empty_label=_("— choose a topic —"),
        )
        organizations = organizations_user_acts_for(user).exclude(kind=Organization.Kind.AUTHORITY)
        _choice(self, "organization").queryset = organizations
        _choice(self, "organization").empty_label = _("— as a private person —")
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("idempotency_key", uuid.uuid4())
            first = organizations.first()
            if first is not None:
                self.initial.setdefault("organization", first.pk)
        if self.instance.pk is not None:
            del self.fields["idempotency_key"]
        authority_id = (
            self.data.get("authority")
            or self.initial.get("authority")
            or self.instance.authority_id
        )
        if authority_id and str(authority_id).isdigit():
            _choice(self, "topic").queryset = selectors.active_topics().filter(
                authority_id=authority_id
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        topic, authority = data.get("topic"), data.get("authority")
        if topic is not None and authority is not None and topic.authority_id != authority.pk:
            self.add_error("topic", _("This topic belongs to another authority."))
        return data


class ClarifyForm(PlatformForm):
    text = forms.CharField(label=_("Clarification"), widget=forms.Textarea(attrs={"rows": 4}))
    attachments = MultipleFileField(label=_("Attachments"))


class RateForm(PlatformForm):
    rating = forms.TypedChoiceField(
        label=_("How useful is the answer?"),
        choices=[(i, str(i)) for i in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("5 — fully answered, 1 — no answer to the question."),
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RegisterForm(PlatformForm):
    registration_number = forms.CharField(
        label=_("Registration number"),
        max_length=50,
        required=False,
        help_text=_("Leave empty to get the next number automatically."),
    )
    registered_on = forms.DateField(
        label=_("Registration date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault("registered_on", timezone.localdate())


class AssignForm(PlatformForm):
    assignee = forms.ModelChoiceField(
        label=_("Assignee"), queryset=Organization.objects.none(), empty_label=_("— choose —")
    )

    def __init__(self, *args: Any, authority: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [user.pk for user in selectors.colleagues(authority)]
        _choice(self, "assignee").queryset = (
            get_user_model().objects.filter(pk__in=ids).order_by("full_name", "email")
        )


class ExtendForm(PlatformForm):
    days = forms.IntegerField(
        label=_("Extend by, days"),
        min_value=1,
        max_value=deadlines.MAX_EXTENSION_DAYS,
        initial=deadlines.MAX_EXTENSION_DAYS,
    )
    reason = forms.CharField(
        label=_("Reason (the author sees it)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(PlatformForm):
    text = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 8}))
    attachments = MultipleFileField(label=_("Attachments"))


class RedirectForm(PlatformForm):
    to_authority = forms.ModelChoiceField(
        label=_("Competent authority"),
        queryset=Organization.objects.none(),
        empty_label=_("— choose —"),
    )
    note = forms.CharField(
        label=_("Explanation to the author"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, authority: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "to_authority").queryset = selectors.authorities().exclude(pk=authority.pk)


class CloseForm(PlatformForm):
    ground = forms.ChoiceField(
        label=_("Ground (art. 11 of 59-FZ)"), choices=Appeal.NoAnswerGround.choices
    )
    note = forms.CharField(
        label=_("Explanation to the author"), widget=forms.Textarea(attrs={"rows": 3})
    )


class DeskFilterForm(PlatformForm):
    STATUS_CHOICES = [
        ("", _("all")),
        ("open", _("not yet answered")),
        *[(value, label) for value, label in Appeal.Status.choices if value != Appeal.Status.DRAFT],
    ]
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.none(), required=False, empty_label=_("all")
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)

    def __init__(self, *args: Any, authority: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "topic").queryset = selectors.topics_of(authority, active_only=False)

    def filters(self) -> selectors.DeskFilters:
        if not self.is_valid():
            return selectors.DeskFilters()
        data = self.cleaned_data
        return selectors.DeskFilters(
            status=data["status"],
            overdue=data["overdue"],
            topic=data["topic"].pk if data["topic"] else None,
            mine=data["mine"],
            q=data["q"].strip(),
        )


class PublicFilterForm(PlatformForm):
    q = forms.CharField(label=_("Search"), required=False)
    authority = forms.ModelChoiceField(
        label=_("Authority"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("all"),
    )
    topic = TopicChoiceField(
        label=_("Topic"), queryset=Topic.objects.none(), required=False, empty_label=_("all")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice(self, "authority").queryset = selectors.authorities()
        _choice(self, "topic").queryset = selectors.active_topics()


class PeriodForm(PlatformForm):
    start = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise ValidationError(_("The start of the period is after its end."))
        return data

    def period(self) -> tuple[date, date]:
        today = timezone.localdate()
        start, end = date(today.year, 1, 1), today
        if self.is_valid():
            start = self.cleaned_data.get("start") or start
            end = self.cleaned_data.get("end") or end
        return start, end


class TopicForm(PlatformModelForm):
    class Meta:
        model = Topic
        fields = ["name", "responsible", "is_active"]

    def __init__(self, *args: Any, authority: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [user.pk for user in selectors.colleagues(authority)]
        _choice(self, "responsible").queryset = (
            get_user_model().objects.filter(pk__in=ids).order_by("full_name", "email")
        )


class CalendarDayForm(PlatformModelForm):
    class Meta:
        model = CalendarDay
        fields = ["day", "kind", "description", "source"]
        widgets = {"day": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["kind"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = CalendarDay.Kind.choices
        field.widget = forms.RadioSelect(choices=CalendarDay.Kind.choices)
        self.initial.setdefault("kind", CalendarDay.Kind.HOLIDAY)

    def validate_unique(self) -> None:
        """Saving an existing date changes that day (the service looks it up), so no uniqueness error here."""


class CalendarYearForm(PlatformForm):
    year = forms.IntegerField(widget=forms.HiddenInput, min_value=2000, max_value=2100)
    decree = forms.CharField(
        label=_("Government decree"),
        max_length=300,
        help_text=_("For example: Постановление Правительства РФ от 24.09.2025 № 1466."),
    )


class DueDateApplyForm(PlatformForm):
    appeals = forms.TypedMultipleChoiceField(
        label=_("Appeals"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    fingerprint = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args: Any, review: selectors.DueDateReview, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["appeals"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(change.appeal.pk, str(change.appeal)) for change in review.changes]
        field.error_messages["required"] = _("Tick the appeals whose due dates are to be moved.")
        field.error_messages["invalid_choice"] = _(
            "The list has changed since you opened it: review it again."
        )
        self.initial.setdefault("appeals", [change.appeal.pk for change in review.changes])
        self.initial.setdefault("fingerprint", review.fingerprint)


class YearForm(PlatformForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
