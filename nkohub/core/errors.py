"""Domain errors: a rule of the domain refused an action.

The message is English source wrapped in gettext (`DomainError(_("…"), field="inn")`), translated in
the app's catalogue; views show it with `add_domain_error(form, error)` (next to its field when the
form has it) or as a message.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.functional import Promise


class DomainError(Exception):
    """A rule of the domain refused an action; `message` is what the person is shown."""

    def __init__(self, message: "str | Promise", *, field: str | None = None) -> None:
        super().__init__(message)
        self._message = message
        self.field = field

    @property
    def message(self) -> str:
        return str(self._message)

    def __str__(self) -> str:
        return self.message


def add_domain_error(
    form: Any, error: DomainError, *, fields: Mapping[str, str] | None = None
) -> None:
    """Show a service's refusal on the form: next to its field when the form has it (a service's
    field name may be mapped to the form's by `fields`), else above the form. What was typed stays."""
    name = (fields or {}).get(error.field or "", error.field)
    form.add_error(name if name in form.fields else None, error.message)


def full_clean_or_raise(obj: Any, **kwargs: Any) -> None:
    """`obj.full_clean(...)` with the first problem raised as a DomainError on its field, so a service's
    refusal reaches the form like any other rule of the domain."""
    try:
        obj.full_clean(**kwargs)
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        raise DomainError(
            " ".join(messages), field=None if field == "__all__" else field
        ) from error
