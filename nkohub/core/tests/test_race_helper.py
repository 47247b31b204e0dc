"""The race helper of the concurrency tests reports what each attempt did."""

import pytest

from nkohub.core.tests.concurrency import race


@pytest.mark.django_db(transaction=True)
def test_a_race_reports_each_attempts_result_and_error() -> None:
    def attempt(index: int) -> int:
        if index == 1:
            raise ValueError("слот занят")
        return index * 10

    outcomes = race(3, attempt)
    assert outcomes.results == {0: 0, 2: 20}
    assert outcomes.of_type(ValueError) == [1]
    assert "attempt 1: ValueError: слот занят" in outcomes.report()
    assert outcomes.unexpected(ValueError) == {}
