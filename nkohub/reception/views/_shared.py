"""What the reception's views share."""

from typing import Any

from nkohub.core.errors import DomainError


def _add_domain_error(form: Any, error: DomainError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)
