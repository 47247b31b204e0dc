"""Running one service call from a view: a form's POST, or a button without a form.

    result = submit_form(request, form, lambda data: services.thing_create(actor=..., **data), _("Saved."))
    perform(request, lambda: services.thing_close(actor=..., thing=thing), _("Closed."))

A refusal of the service (a DomainError) lands on the form, next to its field when the form has it
(`form.error_fields` maps a service's field names to the form's), or becomes an error message.
Learning and resources keep private copies of the same two helpers (`views/_shared.py`); new apps use these.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from nkohub.core.errors import DomainError, add_domain_error


def submit_form(
    request: HttpRequest, form: Any, write: Callable[[dict[str, Any]], Any], success: str = ""
) -> Any:
    """On a valid POST run `write` with the cleaned data: its result, or None when the form is not sent,
    not valid, or the service refused (the reason is then shown on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = write(dict(form.cleaned_data))
    except DomainError as error:
        add_domain_error(form, error, fields=getattr(form, "error_fields", None))
        return None
    if success:
        messages.success(request, success)
    return result


def perform(request: HttpRequest, write: Callable[[], Any], success: str) -> bool:
    """Run one service call for a button: its refusal or `success` as a message; whether it went through."""
    try:
        write()
    except DomainError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True
