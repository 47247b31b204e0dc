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
