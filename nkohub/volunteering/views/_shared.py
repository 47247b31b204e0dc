"""What volunteering's views share: running a service from a form or a button."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest

from nkohub.core.errors import DomainError, add_domain_error


def _submit(
    request: HttpRequest, form: Any, write: Callable[[dict[str, Any]], Any], success: str
) -> Any:
    """On a valid POST run `write` (one service call): its result, or None when the form is not sent,
    not valid, or the service refused (the reason is then shown on the form)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = write(dict(form.cleaned_data))
    except DomainError as error:
        add_domain_error(form, error)
        return None
    messages.success(request, success)
    return result


def _perform(request: HttpRequest, write: Callable[[], Any], success: str) -> bool:
    try:
        write()
    except DomainError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True
