"""How the audit log reads to people: Russian names of actions and fields, values as people write them.

Each app describes its own vocabulary in an optional `audit_labels.py` module:

    LABELS = AuditLabels(
        actions={"projects.fair.decide": _("Decision on a fair application")},
        fields={"season": _("fair season")},
        choices={"role": Membership.Role.choices},
        scoped_choices={"projects.fair.": {"status": FairEntry.Status.choices}},
        formats={"spheres": as_list},
    )

The log entry itself keeps the codes (`projects.fair.decide`, `{"status": ["submitted", "registered"]}`),
so searching and exporting stay exact; this module only translates them for the page. What it knows:

* an action's name from its app's `actions` (an unknown code is shown as it is);
* a field's name from the app's `fields`, else the `verbose_name` of the entry's object's model field,
  else the key itself;
* a value by, in order: the app's `formats`, `scoped_choices` (by action prefix) and `choices`, the model
  field (choices, dates, booleans, money), and its own shape — booleans «да»/«нет», ISO dates «23 ноября
  2026», `[old, new]` pairs «подано → зарегистрировано» (the convention of `audit_log`), other lists
  joined, empty values «—».
"""

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.functional import Promise
from django.utils.text import Truncator
from django.utils.translation import pgettext

from nkohub.core.app_modules import project_app_modules
from nkohub.core.models import AuditEntry

Label = str | Promise
Choices = Iterable[tuple[Any, Label]]
Formatter = Callable[[Any], str]

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?$"
)
EMPTY = "—"
ARROW = " → "
# A change of a whole text (a section of a grant application) is cut on the page; the admin shows it all.
VALUE_MAX_CHARS = 300


@dataclass(frozen=True)
class AuditLabels:
    """One app's vocabulary for the audit log (see the module's docstring)."""

    actions: Mapping[str, Label] = field(default_factory=dict)
    fields: Mapping[str, Label] = field(default_factory=dict)
    choices: Mapping[str, Choices] = field(default_factory=dict)
    scoped_choices: Mapping[str, Mapping[str, Choices]] = field(default_factory=dict)
    formats: Mapping[str, Formatter] = field(default_factory=dict)
    # For keys that are data themselves (a notification kind per key): (action, key) -> (label, choices).
    describe_key: Callable[[str, str], tuple[Label, Choices | None] | None] | None = None


@dataclass(frozen=True)
class Vocabulary:
    """Every app's labels, merged; `app` keys are app labels ("projects")."""

    actions: dict[str, Label]
    by_app: dict[str, AuditLabels]

    def for_action(self, action: str) -> AuditLabels:
        return self.by_app.get(action.split(".", 1)[0], AuditLabels())


@cache
def vocabulary() -> Vocabulary:
    by_app: dict[str, AuditLabels] = {}
    actions: dict[str, Label] = {}
    for module in project_app_modules("audit_labels"):
        labels: AuditLabels = module.LABELS
        app = module.__name__.split(".")[-2]
        by_app[app] = labels
        actions.update(labels.actions)
    return Vocabulary(actions=actions, by_app=by_app)


# --- values ------------------------------------------------------------------------------
def yes_no(value: bool) -> str:
    return pgettext("audit value", "yes") if value else pgettext("audit value", "no")


def as_date(value: dt.date) -> str:
    return date_format(value, "j E Y")


def as_datetime(value: dt.datetime) -> str:
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, "j E Y, H:i")


def as_number(value: int | float | Decimal) -> str:
    if isinstance(value, Decimal) and value == value.to_integral_value():
        value = int(value)
    return number_format(value, force_grouping=True)


def as_list(value: Any) -> str:
    """A plain enumeration, even of two items (which would otherwise read as [old, new])."""
    if isinstance(value, (list, tuple)):
        return ", ".join(render_value(item) for item in value) or EMPTY
    return render_value(value)


def as_amount(value: Any) -> str:
    """A sum stored as a number or a numeric string, with thousands apart: «1 500 000»."""
    try:
        return as_number(Decimal(str(value)))
    except InvalidOperation:
        return render_value(value)


def as_range(value: Any) -> str:
    """[low, high] sums as «100 000 – 1 500 000»."""
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return f"{as_amount(value[0])} – {as_amount(value[1])}"
    return as_amount(value)


def _from_text(value: str) -> str:
    if ISO_DATE.match(value):
        try:
            return as_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    if ISO_DATETIME.match(value):
        try:
            return as_datetime(dt.datetime.fromisoformat(value.replace("Z", "+00:00")))
        except ValueError:
            return value
    return value


def _by_model_field(value: Any, model_field: models.Field[Any, Any]) -> str | None:
    if model_field.choices:
        labels = {str(code): label for code, label in model_field.flatchoices}
        if str(value) in labels:
            return str(labels[str(value)])
    if isinstance(model_field, models.BooleanField) and isinstance(value, bool):
        return yes_no(value)
    if isinstance(model_field, models.DecimalField):
        try:
            return as_number(Decimal(str(value)))
        except InvalidOperation:
            return None
    return None


def render_value(
    value: Any,
    *,
    model_field: models.Field[Any, Any] | None = None,
    choices: Choices | None = None,
    pair: bool = True,
) -> str:
    """A stored value as a person reads it; `[old, new]` pairs (when `pair`) as «old → new»."""
    if isinstance(value, (list, tuple)):
        if pair and len(value) == 2:
            old, new = (render_value(v, model_field=model_field, choices=choices) for v in value)
            return new if old == new else f"{old}{ARROW}{new}"
        items = [render_value(v, model_field=model_field, choices=choices) for v in value]
        return ", ".join(items) or EMPTY
    if isinstance(value, dict):
        parts = [f"{key}: {render_value(item, pair=False)}" for key, item in value.items()]
        return "; ".join(parts) or EMPTY
    if value is None or value == "":
        return EMPTY
    if choices is not None:
        labels = {str(code): label for code, label in choices}
        if str(value) in labels:
            return str(labels[str(value)])
    if model_field is not None:
        rendered = _by_model_field(value, model_field)
        if rendered is not None:
            return rendered
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, (int, float, Decimal)):
        return as_number(value)
    if isinstance(value, dt.datetime):
        return as_datetime(value)
    if isinstance(value, dt.date):
        return as_date(value)
    return _from_text(str(value))


# --- entries -----------------------------------------------------------------------------
@dataclass(frozen=True)
class DescribedChange:
    key: str
    label: str
    value: str


@dataclass(frozen=True)
class DescribedEntry:
    entry: AuditEntry
    action_label: str
    is_known_action: bool
    changes: list[DescribedChange]


def action_label(action: str) -> str:
    label = vocabulary().actions.get(action)
    return str(label) if label is not None else action


def _model_field(model: type[models.Model] | None, key: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    try:
        found = model._meta.get_field(key)
    except Exception:  # FieldDoesNotExist, or a key that is no field name at all
        return None
    return found if isinstance(found, models.Field) else None


def _scoped_choices(labels: AuditLabels, action: str, key: str) -> Choices | None:
    for prefix, choices in labels.scoped_choices.items():
        if action.startswith(prefix) and key in choices:
            return choices[key]
    return labels.choices.get(key)


def describe_change(
    action: str, model: type[models.Model] | None, key: str, value: Any
) -> DescribedChange:
    labels = vocabulary().for_action(action)
    model_field = _model_field(model, key)
    dynamic = labels.describe_key(action, key) if labels.describe_key else None
    if dynamic is not None:
        label, rendered = str(dynamic[0]), render_value(value, choices=dynamic[1])
    else:
        if key in labels.fields:
            label = str(labels.fields[key])
        elif model_field is not None:
            label = str(model_field.verbose_name)
        else:
            label = key.replace("_", " ")
        if key in labels.formats:
            rendered = labels.formats[key](value)
        else:
            choices = _scoped_choices(labels, action, key)
            rendered = render_value(value, model_field=model_field, choices=choices)
    return DescribedChange(
        key=key,
        label=label[:1].upper() + label[1:],
        value=Truncator(rendered).chars(VALUE_MAX_CHARS),
    )


def describe(entry: AuditEntry) -> DescribedEntry:
    """An entry with its action and changes in words (no queries beyond the entry's content type)."""
    model = entry.content_type.model_class() if entry.content_type is not None else None
    changes = entry.changes if isinstance(entry.changes, dict) else {"": entry.changes}
    return DescribedEntry(
        entry=entry,
        action_label=action_label(entry.action),
        is_known_action=entry.action in vocabulary().actions,
        changes=[describe_change(entry.action, model, str(k), v) for k, v in changes.items()],
    )


def action_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The known actions grouped by app, for the audit page's filter: [(app name, [(code, label)])]."""
    from django.apps import apps

    groups = []
    for app, labels in vocabulary().by_app.items():
        if not labels.actions:
            continue
        name = str(apps.get_app_config(app).verbose_name)
        options = sorted(
            ((code, str(label)) for code, label in labels.actions.items()), key=lambda o: o[1]
        )
        groups.append((name, [(f"{app}.", pgettext("audit filter", "all actions")), *options]))
    return sorted(groups)
