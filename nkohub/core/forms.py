"""The form base classes and rendering shared by every app.

Every form of the platform derives from `PlatformForm` or `PlatformModelForm` (a test walks the apps'
forms modules to keep it so). They bound what a person can send, whatever the field came from:

* every date (and the date of every date-time) lies within DATE_MIN…DATE_MAX — a typed 9999-12-31 is a
  form error, not an overflow deep in a service (the browser's date picker gets the same min/max);
* every text field has a length limit — a text area without one gets TEXT_MAX_LENGTH, a one-line field
  LINE_MAX_LENGTH — enforced on the server, given to the browser as `maxlength`, and stated under each
  text area («Не более 2 000 знаков»).

A form narrows a bound by declaring it on the field (`max_length=`, `BoundedDateField(min_value=…)`,
widget `min`/`max` attributes are kept).
"""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.forms.renderers import TemplatesSetting
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext

# Django 6.1's Russian catalogue lacks the label of an empty choice in model fields; ours has it.
BLANK_CHOICE_LABEL = gettext_noop("- Select an option -")

DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
TEXT_MAX_LENGTH = 20_000
LINE_MAX_LENGTH = 1_000


class FormRenderer(TemplatesSetting):
    """Every form field renders through core/forms/field.html: a labelled group with help and errors
    next to the field, checkboxes with their label after them, choice groups as fieldsets."""

    field_template_name = "core/forms/field.html"


@deconstructible
class DateBoundsValidator:
    """A date (or the date of a date-time) within [min_value, max_value], with a message in Russian."""

    def __init__(self, min_value: dt.date = DATE_MIN, max_value: dt.date = DATE_MAX) -> None:
        self.min_value, self.max_value = min_value, max_value

    def __call__(self, value: Any) -> None:
        if value is None:
            return
        day = value.date() if isinstance(value, dt.datetime) else value
        if day < self.min_value:
            raise ValidationError(
                _("Enter a date no earlier than %(limit)s."),
                code="date_too_early",
                params={"limit": self.min_value.strftime("%d.%m.%Y")},
            )
        if day > self.max_value:
            raise ValidationError(
                _("Enter a date no later than %(limit)s."),
                code="date_too_late",
                params={"limit": self.max_value.strftime("%d.%m.%Y")},
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DateBoundsValidator) and (self.min_value, self.max_value) == (
            other.min_value,
            other.max_value,
        )


def date_from_query(value: str | None, default: dt.date) -> dt.date:
    """An ISO date from a query parameter (`?week=2026-11-23`), or `default` when it is missing, wrong
    or outside DATE_MIN…DATE_MAX (a week of 9999-12-31 would overflow the calendar's arithmetic)."""
    try:
        day = dt.date.fromisoformat(value or "")
    except ValueError:
        return default
    return day if DATE_MIN <= day <= DATE_MAX else default


class BoundedDateField(forms.DateField):
    """A date field with explicit bounds (DATE_MIN…DATE_MAX unless narrowed)."""

    def __init__(
        self, *, min_value: dt.date = DATE_MIN, max_value: dt.date = DATE_MAX, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.min_value, self.max_value = min_value, max_value
        self.validators.append(DateBoundsValidator(min_value, max_value))
        _date_widget_bounds(self)


def _length_note(limit: int) -> str:
    return ngettext("At most %(count)s character.", "At most %(count)s characters.", limit) % {
        "count": number_format(limit, force_grouping=True)
    }


length_note = lazy(_length_note, str)


def _date_widget_bounds(field: forms.Field) -> None:
    low = getattr(field, "min_value", DATE_MIN)
    high = getattr(field, "max_value", DATE_MAX)
    input_type = getattr(field.widget, "input_type", "")
    if input_type == "date":
        field.widget.attrs.setdefault("min", low.isoformat())
        field.widget.attrs.setdefault("max", high.isoformat())
    elif input_type == "datetime-local":
        field.widget.attrs.setdefault("min", f"{low.isoformat()}T00:00")
        field.widget.attrs.setdefault("max", f"{high.isoformat()}T23:59")


def limit_field(field: forms.Field) -> None:
    """Give a field the platform's bounds (idempotent): dates within range, texts with a stated limit."""
    if getattr(field, "_platform_limits", False):
        return
    vars(field)["_platform_limits"] = True  # marks the field as done (idempotence)
    if isinstance(field, (forms.DateField, forms.DateTimeField)):
        if not any(isinstance(v, DateBoundsValidator) for v in field.validators):
            field.validators.append(DateBoundsValidator())
        _date_widget_bounds(field)
    elif (
        isinstance(field, forms.CharField)
        and not isinstance(field, forms.JSONField)
        and not isinstance(field.widget, forms.HiddenInput)
    ):
        is_text_area = isinstance(field.widget, forms.Textarea)
        if field.max_length is None:
            field.max_length = TEXT_MAX_LENGTH if is_text_area else LINE_MAX_LENGTH
            field.validators.append(MaxLengthValidator(field.max_length))
            field.widget.attrs.setdefault("maxlength", str(field.max_length))
        if is_text_area:
            note = length_note(field.max_length)
            field.help_text = (
                format_lazy("{} {}", field.help_text, note) if field.help_text else note
            )


class InputLimitsMixin:
    """Applies `limit_field` to every field of the form — those declared, generated from a model, or
    added in a subclass's __init__ (they are limited again just before validation)."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.apply_input_limits()

    def apply_input_limits(self) -> None:
        for field in self.fields.values():
            limit_field(field)

    def full_clean(self) -> None:
        self.apply_input_limits()
        super().full_clean()  # type: ignore[misc]


class PlatformForm(InputLimitsMixin, forms.Form):
    """The base of every plain form of the platform."""


class PlatformModelForm(InputLimitsMixin, forms.ModelForm):
    """The base of every model form of the platform."""
