"""Idempotent submission under real concurrency: the same form sent by several requests at once."""

import uuid
from typing import Any

import pytest

from nkohub.core.tests.concurrency import race
from nkohub.reception import services
from nkohub.reception.models import Appeal


@pytest.mark.django_db(transaction=True)
def test_parallel_submissions_with_one_key_create_one_appeal(
    editor: Any, ngo: Any, authority: Any
) -> None:
    key = uuid.uuid4()

    def submit(_attempt: int) -> tuple[int, bool]:
        appeal, created = services.appeal_create(
            actor=editor,
            authority=authority,
            organization=ngo,
            subject="Одновременная отправка",
            text="Кнопку нажали несколько раз подряд.",
            idempotency_key=key,
            submit=True,
        )
        return appeal.pk, created

    outcomes = race(8, submit)
    assert outcomes.raised == {}, outcomes.report()
    results = list(outcomes.results.values())
    assert Appeal.objects.count() == 1, f"{Appeal.objects.count()} appeals for one key"
    assert len({pk for pk, _ in results}) == 1, f"the attempts saw different appeals: {results}"
    assert sum(created for _, created in results) == 1, f"more than one attempt created: {results}"
    assert Appeal.objects.get().status == Appeal.Status.SUBMITTED
