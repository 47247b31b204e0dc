from typing import Any

import pytest

IMMEDIATE = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings: Any) -> None:
    """These tests run tasks in-process whatever the environment says; the Redis test sets its own backend."""
    settings.TASKS = IMMEDIATE
    settings.NOTIFICATIONS_EMAIL_QUEUE = "default"
    settings.SITE_URL = "https://nko.example.org"
