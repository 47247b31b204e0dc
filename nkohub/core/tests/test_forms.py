"""The platform's form bases: bounded dates, stated text limits, and every form of every app on them."""

import datetime as dt
import importlib
import inspect
import pkgutil

import pytest
from django import forms

import nkohub
from nkohub.core.forms import (
    DATE_MAX,
    LINE_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    BoundedDateField,
    InputLimitsMixin,
    PlatformForm,
)


class EventForm(PlatformForm):
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    moment = forms.DateTimeField(required=False)
    note = forms.CharField(required=False, widget=forms.Textarea)
    title = forms.CharField(required=False)
    short = forms.CharField(required=False, max_length=20, widget=forms.Textarea)


def test_a_date_in_the_year_9999_is_a_form_error_not_a_crash() -> None:
    form = EventForm({"day": "9999-12-31"})
    assert not form.is_valid()
    assert form.errors["day"] == ["Укажите дату не позднее 31.12.2100."]


def test_a_date_before_1900_is_refused() -> None:
    form = EventForm({"day": "1812-09-07"})
    assert not form.is_valid()
    assert "не ранее 01.01.1900" in form.errors["day"][0]


def test_the_date_of_a_date_time_is_bounded_too() -> None:
    form = EventForm({"day": "2026-11-23", "moment": "9999-12-31 10:00"})
    assert not form.is_valid()
    assert "moment" in form.errors


def test_an_ordinary_date_passes() -> None:
    form = EventForm({"day": "2026-11-23"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == dt.date(2026, 11, 23)


def test_the_date_picker_gets_the_same_bounds() -> None:
    html = str(EventForm()["day"])
    assert 'min="1900-01-01"' in html
    assert f'max="{DATE_MAX.isoformat()}"' in html


def test_a_bounded_date_field_narrows_the_range() -> None:
    class BookingForm(PlatformForm):
        day = BoundedDateField(min_value=dt.date(2026, 1, 1), max_value=dt.date(2027, 12, 31))

    assert not BookingForm({"day": "2028-01-01"}).is_valid()
    assert BookingForm({"day": "2027-06-01"}).is_valid()


def test_a_text_area_without_a_limit_gets_one_and_states_it() -> None:
    form = EventForm()
    assert getattr(form.fields["note"], "max_length", None) == TEXT_MAX_LENGTH
    assert str(form["note"].help_text) == "Не более 20\xa0000 знаков."
    assert 'maxlength="20000"' in str(form["note"])


def test_text_over_the_limit_is_refused_on_the_server() -> None:
    form = EventForm({"day": "2026-11-23", "note": "а" * (TEXT_MAX_LENGTH + 1)})
    assert not form.is_valid()
    assert "note" in form.errors


def test_a_one_line_field_without_a_limit_gets_the_line_limit() -> None:
    form = EventForm({"day": "2026-11-23", "title": "б" * (LINE_MAX_LENGTH + 1)})
    assert not form.is_valid()
    assert "title" in form.errors


def test_a_declared_limit_is_kept_and_stated() -> None:
    form = EventForm()
    assert getattr(form.fields["short"], "max_length", None) == 20
    assert str(form["short"].help_text) == "Не более 20 знаков."


def test_an_existing_help_text_keeps_its_words_before_the_limit() -> None:
    class NoteForm(PlatformForm):
        text = forms.CharField(widget=forms.Textarea, max_length=2000, help_text="Кратко.")

    assert str(NoteForm()["text"].help_text) == "Кратко. Не более 2\xa0000 знаков."


def test_a_field_added_after_the_form_was_built_is_limited_before_validation() -> None:
    form = EventForm({"day": "2026-11-23", "extra": "9999-01-01"})
    form.fields["extra"] = forms.DateField()
    assert not form.is_valid()
    assert "extra" in form.errors


def _form_classes() -> list[type]:
    found = []
    for module_info in pkgutil.walk_packages(nkohub.__path__, "nkohub."):
        name = module_info.name
        if (
            ".tests" in name
            or ".migrations" in name
            or not (name.endswith(".forms") or ".forms." in name)
        ):
            continue
        module = importlib.import_module(name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if (
                issubclass(value, forms.BaseForm)
                and value.__module__ == name
                and value.__name__ not in {"PlatformForm", "PlatformModelForm"}
            ):
                found.append(value)
    return found


def test_the_walk_finds_the_apps_forms() -> None:
    names = {cls.__name__ for cls in _form_classes()}
    assert {"SignupForm", "AppealForm", "BookingForm"} <= names


@pytest.mark.parametrize("form_class", _form_classes(), ids=lambda cls: cls.__qualname__)
def test_every_form_of_the_platform_bounds_its_input(form_class: type) -> None:
    assert issubclass(form_class, InputLimitsMixin), (
        f"{form_class.__module__}.{form_class.__qualname__} must derive from "
        "nkohub.core.forms.PlatformForm / PlatformModelForm"
    )
