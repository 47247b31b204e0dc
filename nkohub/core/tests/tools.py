"""A test that needs a tool of the machine (Chromium, poppler's pdftotext…) skips without it on a
developer's machine, but fails in CI (`CI=true`): CI installs these tools, so a skip there would hide a
test that no longer runs."""

import os
from typing import NoReturn

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def missing_tool(message: str) -> NoReturn:
    """Skip the test for a missing tool; in CI, fail it instead."""
    if in_ci():
        pytest.fail(f"CI: {message}", pytrace=False)
    pytest.skip(message)
