"""Blocks of the personal cabinet. Apps register theirs in AppConfig.ready():

    register_cabinet_block(CabinetBlock(order=20, template="organizations/_cabinet.html",
                                        context=organizations_cabinet_context))

The context function gets the user and returns a dict for the block's template, or None
to hide the block for that user.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

ContextFn = Callable[[Any], dict[str, Any] | None]


@dataclass(frozen=True)
class CabinetBlock:
    order: int
    template: str
    context: ContextFn


_blocks: list[CabinetBlock] = []


def register_cabinet_block(block: CabinetBlock) -> None:
    if block not in _blocks:
        _blocks.append(block)
        _blocks.sort(key=lambda b: b.order)


def blocks_for(user: Any) -> list[dict[str, Any]]:
    rendered = []
    for block in _blocks:
        context = block.context(user)
        if context is not None:
            rendered.append({"template": block.template, "context": context})
    return rendered
