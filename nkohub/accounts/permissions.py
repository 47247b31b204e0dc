from typing import Any

from nkohub.core.permissions import is_operator


def can_edit_profile(user: Any, person: Any) -> bool:
    return bool(user.is_authenticated and user.pk == person.pk)


def can_delete_account(user: Any, person: Any) -> bool:
    """A person deletes their own account; an operator may do it on a written request."""
    return bool(user.is_authenticated and (user.pk == person.pk or is_operator(user)))
