import datetime as dt
from typing import Any, cast

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.consultations.models import Article, Competence, Question
from nkohub.core.attachments import MultipleFileField
from nkohub.core.forms import PlatformForm, PlatformModelForm
from nkohub.organizations.models import Organization

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _only_one(form: forms.BaseForm, name: str, queryset: Any) -> None:
    """A person who belongs to one organisation asks for it: it is chosen for them."""
    field = cast(forms.ModelChoiceField, form.fields[name])
    field.queryset = queryset
    only = list(queryset[:2])
    if len(only) == 1:
        field.initial = only[0].pk


class KnowledgeBaseFilterForm(PlatformForm):
    q = forms.CharField(label=_("Search the answers"), required=False, max_length=200)
    competence = forms.ModelChoiceField(
        label=pgettext_lazy("consultations", "Topic"),
        queryset=Competence.objects.none(),
        required=False,
        empty_label=_("All topics"),
    )

    def __init__(self, *args: Any, competences: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["competence"]).queryset = competences


class AskForm(PlatformForm):
    organization = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Organization.objects.none()
    )
    competence = forms.ModelChoiceField(
        label=pgettext_lazy("consultations", "Topic"), queryset=Competence.objects.none()
    )
    title = forms.CharField(label=_("Your question in one line"), max_length=200)
    text = forms.CharField(
        label=_("Describe the situation"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=Question.Visibility.choices,
        initial=Question.Visibility.PRIVATE,
        widget=forms.RadioSelect,
    )
    attachments = MultipleFileField(label=_("Files"))

    def __init__(self, *args: Any, organizations: Any, competences: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _only_one(self, "organization", organizations)
        cast(forms.ModelChoiceField, self.fields["competence"]).queryset = competences
        # "is there already an answer?" while the question is typed (htmx; without JS nothing happens)
        for name in ("title", "text"):
            self.fields[name].widget.attrs.update(
                {
                    "hx-get": reverse("consultations:suggestions"),
                    "hx-trigger": "keyup changed delay:400ms",
                    "hx-target": "#similar-answers",
                    "hx-include": "#id_title, #id_text",
                }
            )


class TextForm(PlatformForm):
    text = forms.CharField(
        label=pgettext_lazy("message field", "Text"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AnswerForm(PlatformForm):
    answer = forms.CharField(
        label=_("Answer"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 10})
    )


class RateForm(PlatformForm):
    rating = forms.TypedChoiceField(
        label=_("How useful was the answer?"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ExpertForm(PlatformForm):
    competences = forms.ModelMultipleChoiceField(
        label=_("Competences"),
        queryset=Competence.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    bio = forms.CharField(
        label=_("About you"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    is_active = forms.BooleanField(label=_("I take questions now"), required=False)

    def __init__(self, *args: Any, competences: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["competences"]).queryset = competences


class ArticleForm(PlatformModelForm):
    publish = forms.BooleanField(label=_("Published in the knowledge base"), required=False)

    class Meta:
        model = Article
        fields = ["title", "competence", "question_text", "body"]
        widgets = {
            "question_text": forms.Textarea(attrs={"rows": 6}),
            "body": forms.Textarea(attrs={"rows": 14}),
        }


class SlotForm(PlatformForm):
    error_fields = {"starts_at": "start_time", "ends_at": "end_time"}
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("From"), widget=TIME)
    end_time = forms.TimeField(label=_("Until"), widget=TIME)
    place = forms.CharField(label=_("Where"), max_length=300)
    competence = forms.ModelChoiceField(
        label=pgettext_lazy("consultations", "Topic"),
        queryset=Competence.objects.none(),
        required=False,
        empty_label=_("Any of my topics"),
    )

    def __init__(self, *args: Any, competences: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["competence"]).queryset = competences

    def moments(self) -> tuple[dt.datetime, dt.datetime]:
        data = self.cleaned_data
        start = timezone.make_aware(dt.datetime.combine(data["date"], data["start_time"]))
        end = timezone.make_aware(dt.datetime.combine(data["date"], data["end_time"]))
        return start, end


class BookForm(PlatformForm):
    organization = forms.ModelChoiceField(
        label=_("For organisation"), queryset=Organization.objects.none()
    )
    topic_note = forms.CharField(label=_("What to discuss"), required=False, max_length=500)

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _only_one(self, "organization", organizations)
