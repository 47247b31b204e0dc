"""Forms of the surveys: answering (built from the survey's questions), the operator's builder, the
zones' mapping and the cross-tabulation's choice."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.forms import PlatformForm, PlatformModelForm
from nkohub.surveys.blueprints import BLUEPRINTS
from nkohub.surveys.models import Actor, Answer, Option, Question, Response, Survey, Tool
from nkohub.surveys.services import AnswerValue, visible_questions

K = Question.Kind
TEXT_ANSWER_MAX = 4000


def _option_choices(options: list[Option]) -> list[tuple[int, str]]:
    return [(o.pk, o.label) for o in options]


class AnswerForm(PlatformForm):
    """One field per question (`q<id>`); a ranking has a place per option (`q<id>_o<option>`), a matrix
    a choice per row (`q<id>_r<row>`), both with a hidden `q<id>` that carries the question's error.
    Nothing is required field by field: a draft may be partial, and a conditional question is
    required only when shown; `submit` checks the required ones in `clean`."""

    def __init__(self, *args: Any, questions: list[Question], submit: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.submit = submit
        for q in questions:
            self._add_fields(q)

    def _add_fields(self, q: Question) -> None:
        name = f"q{q.pk}"
        label = q.text
        if q.kind == K.SINGLE:
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=_option_choices(q.choice_options),
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
            )
        elif q.kind == K.MULTIPLE:
            self.fields[name] = forms.TypedMultipleChoiceField(
                label=label,
                choices=_option_choices(q.choice_options),
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
        elif q.kind == K.SCALE:
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=[(v, str(v)) for v in range(q.scale_min, q.scale_max + 1)],
                coerce=int,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "scale"}),
            )
        elif q.kind == K.NUMBER:
            self.fields[name] = forms.DecimalField(
                label=label,
                required=False,
                max_digits=14,
                decimal_places=2,
                min_value=q.min_value,
                max_value=q.max_value,
                localize=True,
            )
        elif q.kind == K.TEXT:
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                max_length=TEXT_ANSWER_MAX,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        elif q.kind == K.RANKING:
            self.fields[name] = forms.CharField(required=False, widget=forms.HiddenInput)
            places = [("", "—"), *((p, str(p)) for p in range(1, q.ranks + 1))]
            for option in q.choice_options:
                self.fields[f"{name}_o{option.pk}"] = forms.TypedChoiceField(
                    label=option.label, choices=places, coerce=int, required=False, empty_value=None
                )
        elif q.kind == K.MATRIX:
            self.fields[name] = forms.CharField(required=False, widget=forms.HiddenInput)
            for row in q.matrix_rows:
                self.fields[f"{name}_r{row.pk}"] = forms.TypedChoiceField(
                    label=row.label,
                    choices=_option_choices(q.choice_options),
                    coerce=int,
                    required=False,
                    widget=forms.RadioSelect,
                )

    def _value(self, q: Question, data: dict[str, Any]) -> AnswerValue:
        name = f"q{q.pk}"
        if q.kind == K.RANKING:
            return {
                o.pk: data[f"{name}_o{o.pk}"]
                for o in q.choice_options
                if data.get(f"{name}_o{o.pk}") is not None
            }
        if q.kind == K.MATRIX:
            return {
                r.pk: data[f"{name}_r{r.pk}"]
                for r in q.matrix_rows
                if data.get(f"{name}_r{r.pk}") not in (None, "")
            }
        value = data.get(name)
        if q.kind in (K.SINGLE, K.SCALE) and value == "":
            return None
        if q.kind == K.TEXT:
            return (value or "").strip()
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        answers = {q.pk: self._value(q, data) for q in self.questions}
        shown = visible_questions(self.questions, answers)
        for q in self.questions:
            value = answers[q.pk]
            empty = value in (None, "", [], {})
            if q.kind == K.RANKING and not empty:
                assert isinstance(value, dict)
                ranks = sorted(value.values())
                if ranks != list(range(1, len(ranks) + 1)):
                    self.add_error(
                        f"q{q.pk}",
                        _("Give places 1, 2, 3… without gaps or repeats, at most %(n)s.")
                        % {"n": q.ranks},
                    )
            if self.submit and q.required and q.pk in shown:
                incomplete = q.kind == K.MATRIX and len(value or {}) < len(q.matrix_rows)  # type: ignore[arg-type]
                if empty or incomplete:
                    self.add_error(f"q{q.pk}", _("Answer this question."))
        self.answers = {pk: v for pk, v in answers.items() if pk in shown}
        return data

    def layout(self) -> list[dict[str, Any]]:
        """What the page shows, question by question."""
        items = []
        for q in self.questions:
            name = f"q{q.pk}"
            item: dict[str, Any] = {"question": q, "field": self[name], "name": name}
            if q.kind == K.RANKING:
                item["parts"] = [self[f"{name}_o{o.pk}"] for o in q.choice_options]
            elif q.kind == K.MATRIX:
                item["parts"] = [self[f"{name}_r{r.pk}"] for r in q.matrix_rows]
            items.append(item)
        return items


def initial_from(response: Response | None, questions: list[Question]) -> dict[str, Any]:
    """The saved answers of a draft as the form's initial values."""
    if response is None:
        return {}
    kinds = {q.pk: q.kind for q in questions}
    initial: dict[str, Any] = {}
    answer: Answer
    for answer in response.answers.all():
        name = f"q{answer.question_id}"
        kind = kinds.get(answer.question_id)
        if kind == K.SINGLE:
            initial[name] = answer.option_id
        elif kind == K.MULTIPLE:
            initial.setdefault(name, []).append(answer.option_id)
        elif kind == K.RANKING:
            initial[f"{name}_o{answer.option_id}"] = answer.rank
        elif kind == K.MATRIX:
            initial[f"{name}_r{answer.row_id}"] = answer.option_id
        elif kind == K.SCALE and answer.number is not None:
            initial[name] = int(answer.number)
        elif kind == K.NUMBER:
            initial[name] = answer.number
        elif kind == K.TEXT:
            initial[name] = answer.text
    return initial


class SurveyForm(PlatformModelForm):
    class Meta:
        model = Survey
        fields = [
            "title",
            "description",
            "purpose",
            "audience",
            "is_anonymous",
            "results_public",
            "opens_on",
            "closes_on",
        ]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closes_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class BlueprintForm(PlatformForm):
    template = forms.ChoiceField(
        label=_("Template"), choices=[(k, b.name) for k, b in BLUEPRINTS.items()]
    )
    title = forms.CharField(
        label=pgettext_lazy("survey", "Title"),
        required=False,
        max_length=200,
        help_text=_("Empty: the template's own title."),
    )
    opens_on = forms.DateField(label=_("Opens on"), widget=forms.DateInput(attrs={"type": "date"}))
    closes_on = forms.DateField(
        label=_("Closes on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("opens_on") and data.get("closes_on") and data["closes_on"] < data["opens_on"]:
            self.add_error("closes_on", _("A survey cannot close before it opens."))
        return data


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class QuestionForm(PlatformForm):
    kind = forms.ChoiceField(label=_("Type"), choices=Question.Kind.choices)
    text = forms.CharField(label=_("Question"), max_length=500)
    help_text = forms.CharField(label=_("Explanation"), max_length=500, required=False)
    section = forms.CharField(label=_("Section"), max_length=200, required=False)
    required = forms.BooleanField(label=_("Required"), required=False)
    options = forms.CharField(
        label=_("Options"),
        required=False,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One a line: choices, places to rank, or a matrix's columns."),
    )
    rows = forms.CharField(
        label=_("Matrix rows"),
        required=False,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line."),
    )
    scale_min = forms.IntegerField(label=_("Scale from"), initial=1, min_value=-10, max_value=10)
    scale_max = forms.IntegerField(label=_("Scale to"), initial=5, min_value=-9, max_value=100)
    rank_limit = forms.IntegerField(
        label=_("How many to rank"), required=False, min_value=1, max_value=50
    )
    min_value = forms.DecimalField(
        label=_("Smallest number"), required=False, max_digits=14, decimal_places=2
    )
    max_value = forms.DecimalField(
        label=_("Largest number"), required=False, max_digits=14, decimal_places=2
    )
    show_if_option = forms.ModelChoiceField(
        label=_("Show only if this answer is chosen"),
        queryset=Option.objects.none(),
        required=False,
        empty_label=_("Always shown"),
    )

    def __init__(self, *args: Any, survey: Survey, question: Question | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        earlier = Option.objects.filter(
            question__survey=survey,
            role=Option.Role.CHOICE,
            question__kind__in=(K.SINGLE, K.MULTIPLE),
        ).select_related("question")
        if question is not None:
            earlier = earlier.filter(question__position__lt=question.position)
        field: Any = self.fields["show_if_option"]
        field.queryset = earlier.order_by("question__position", "position")
        field.label_from_instance = lambda o: f"{o.question.text[:60]} → {o.label}"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("scale_min") is not None
            and data.get("scale_max") is not None
            and data["scale_max"] <= data["scale_min"]
        ):
            self.add_error("scale_max", _("The scale must end above its start."))
        return data

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["options"] = _lines(data.pop("options") or "")
        data["rows"] = _lines(data.pop("rows") or "")
        for name in ("min_value", "max_value"):
            if data[name] is not None:
                data[name] = Decimal(data[name])
        return data

    @staticmethod
    def initial_for(question: Question) -> dict[str, Any]:
        return {
            "kind": question.kind,
            "text": question.text,
            "help_text": question.help_text,
            "section": question.section,
            "required": question.required,
            "options": "\n".join(o.label for o in question.choice_options),
            "rows": "\n".join(o.label for o in question.matrix_rows),
            "scale_min": question.scale_min,
            "scale_max": question.scale_max,
            "rank_limit": question.rank_limit,
            "min_value": question.min_value,
            "max_value": question.max_value,
            "show_if_option": question.show_if_option_id,
        }


class ZoneMapForm(PlatformForm):
    actors = forms.ModelMultipleChoiceField(
        label=_("Groups that must act"),
        queryset=Actor.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tools = forms.ModelMultipleChoiceField(
        label=_("Platform tools"),
        queryset=Tool.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


CROSS_DIMENSIONS = {
    "sphere": _("sphere of activity"),
    "legal_form": _("legal form"),
    "municipality": _("municipality"),
}


class CrosstabForm(PlatformForm):
    question = forms.TypedChoiceField(label=_("Question"), coerce=int, choices=())
    by = forms.ChoiceField(label=_("Broken down by"), choices=list(CROSS_DIMENSIONS.items()))

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any):
        super().__init__(*args, **kwargs)
        field: Any = self.fields["question"]
        field.choices = [
            (q.pk, q.text[:90])
            for q in questions
            if q.kind in (K.SINGLE, K.MULTIPLE, K.SCALE, K.RANKING)
        ]
