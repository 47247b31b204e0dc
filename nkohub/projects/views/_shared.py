"""What the fair's views share: fetching a project with its rights checked, running a service from a POST."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest

from nkohub.core.errors import DomainError
from nkohub.projects import permissions, selectors
from nkohub.projects.models import (
    Project,
)


def _project(request: HttpRequest, pk: int, *, manage: bool = False, edit: bool = False) -> Project:
    project = selectors.project_for_page(pk)
    if project is None:
        raise Http404
    return permissions.check_project(request.user, project, manage=manage, edit=edit)


def _run(request: HttpRequest, action: Callable[[], Any], success: str) -> bool:
    """Call a service from a POST-only view; a refusal becomes an error message."""
    try:
        action()
    except DomainError as error:
        messages.error(request, error.message)
        return False
    messages.success(request, success)
    return True
