"""Idempotent submission under real concurrency: the same form sent by several requests at once."""

import threading
import uuid
from typing import Any

import pytest
from django.db import connection

from nkohub.reception import services
from nkohub.reception.models import Appeal


@pytest.mark.django_db(transaction=True)
def test_parallel_submissions_with_one_key_create_one_appeal(
    editor: Any, ngo: Any, authority: Any
) -> None:
    key = uuid.uuid4()
    attempts = 8
    barrier = threading.Barrier(attempts)
    results: list[tuple[int, bool]] = []
    errors: list[BaseException] = []

    def submit() -> None:
        try:
            barrier.wait()
            appeal, created = services.appeal_create(
                actor=editor,
                authority=authority,
                organization=ngo,
                subject="Одновременная отправка",
                text="Кнопку нажали несколько раз подряд.",
                idempotency_key=key,
                submit=True,
            )
            results.append((appeal.pk, created))
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(attempts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors, errors
    assert Appeal.objects.count() == 1
    assert len({pk for pk, _ in results}) == 1
    assert sum(created for _, created in results) == 1
    assert Appeal.objects.get().status == Appeal.Status.SUBMITTED
