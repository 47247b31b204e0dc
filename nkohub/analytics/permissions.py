"""Who may do what in analytics: the dashboard is public (the blocks an operator made public);
entering figures, choosing the public blocks and ordering reports are the operators'."""

from typing import Any

from nkohub.core.permissions import is_operator


def can_see_private_blocks(user: Any) -> bool:
    return is_operator(user)


def can_manage_figures(user: Any) -> bool:
    return is_operator(user)


def can_configure_dashboard(user: Any) -> bool:
    return is_operator(user)


def can_order_reports(user: Any) -> bool:
    return is_operator(user)


def can_download_report(user: Any, report: Any) -> bool:
    return is_operator(user)
