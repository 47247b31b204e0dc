"""What each app holds about a person, for "download my data" and "delete my account".

Apps register in AppConfig.ready(); accounts never imports their internals:

    register_personal_data(PersonalDataHandler(
        key="organizations", export=export_memberships, erase=erase_memberships))

`export(user)` returns JSON-serialisable data; `erase(user)` removes or anonymises it
and returns a short summary (counts) for the deletion record.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PersonalDataHandler:
    key: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], dict[str, Any]]


_handlers: dict[str, PersonalDataHandler] = {}


def register_personal_data(handler: PersonalDataHandler) -> None:
    _handlers[handler.key] = handler


def handlers() -> list[PersonalDataHandler]:
    return [_handlers[key] for key in sorted(_handlers)]


# --- How long personal data is kept (152-ФЗ: no longer than its purpose needs) --------------------
@dataclass(frozen=True)
class RetentionRule:
    """Personal data an app keeps only for a while, and how it is destroyed once the while is over.

    `period()` is read at every run (from settings, so an installation can change it); `destroy(cutoff)`
    destroys what became expired before `cutoff` — must be idempotent — and returns how many items it
    destroyed. `what` names them for the destruction record (`RetentionDestruction`).

        register_retention_rule(RetentionRule(
            key="reception.closed_appeal_attachments", what=_("attachments of closed appeals"),
            period=lambda: timedelta(days=365 * settings.RETENTION_APPEAL_ATTACHMENT_YEARS),
            destroy=destroy_closed_appeal_attachments))
    """

    key: str
    what: Any  # str or a lazy translation
    period: Callable[[], Any]  # -> datetime.timedelta
    destroy: Callable[[Any], int]  # cutoff (aware datetime) -> how many destroyed


_retention_rules: dict[str, RetentionRule] = {}


def register_retention_rule(rule: RetentionRule) -> None:
    _retention_rules[rule.key] = rule


def retention_rules() -> list[RetentionRule]:
    return [_retention_rules[key] for key in sorted(_retention_rules)]
