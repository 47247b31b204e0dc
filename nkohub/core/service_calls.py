"""How a view runs one service call and tells the person what happened (shared by the apps' views).

    result = submit_form(request, form, lambda data: services.x_create(actor=..., **data), _("Saved."))
    if result is not None: return redirect(result)

A service's refusal (`DomainError`) is shown on the form, next to its field when the form has it (a
form may map the service's field names to its own with `error_fields`), or, for a button without a
form, as a message.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from nkohub.core.errors import DomainError, add_domain_error


def submit_form(
    request: HttpRequest, form: Any, write: Callable[[dict[str, Any]], Any], success: str = ""
) -> Any:
    """On a valid POST run `write` (one service call) with the cleaned data: its result, or None when
    the form is not sent, not valid, or the service refused (the reason is then shown on the form).
    Without `success` no message is added (the page the person lands on says what happened)."""
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
    """Run one service call for a button without a form: `success` or the refusal as a message;
    whether it went through."""
    try:
        write()
    except DomainError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True
