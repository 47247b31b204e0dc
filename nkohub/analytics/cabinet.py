"""The operators' block of «Мой кабинет»: the latest sector reports and the way to the figures."""

from typing import Any

from nkohub.analytics import selectors
from nkohub.analytics.permissions import can_order_reports


def analytics_cabinet_context(user: Any) -> dict[str, Any] | None:
    if not can_order_reports(user):
        return None
    return {"reports": list(selectors.recent_reports(limit=3))}
