"""The card import logs what it does: structured records, every one with the run's id."""

import logging
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from nkohub.grants.card_import import fund_card_import
from nkohub.grants.tests.conftest import CARDS

pytestmark = pytest.mark.django_db

LOGGER = "nkohub.grants.card_import"


def records(caplog: pytest.LogCaptureFixture) -> list[Any]:
    return [r for r in caplog.records if r.name == LOGGER]


def test_a_folder_run_logs_start_skips_and_finish_under_one_run_id(
    caplog: pytest.LogCaptureFixture,
) -> None:
    files = sorted(p for p in CARDS.iterdir() if p.is_file())
    with caplog.at_level(logging.INFO, logger=LOGGER), pytest.raises(CommandError):
        call_command("import_fund_card", str(CARDS), stdout=StringIO())
    logged = records(caplog)
    assert len({r.run for r in logged}) == 1
    assert len(logged[0].run) == 12

    started, finished = logged[0], logged[-1]
    assert started.event == "started"
    assert started.files == 7
    assert started.size == sum(p.stat().st_size for p in files)
    assert started.source.split(", ") == [str(p) for p in files]
    assert finished.event == "finished"
    assert (finished.files, finished.imported, finished.skipped) == (7, 6, 1)
    assert isinstance(finished.seconds, float)
    assert finished.getMessage().endswith("6 of 7 cards imported")

    cards = [r for r in logged if r.event == "card_started"]
    assert [r.source for r in cards] == [str(p) for p in files]
    skipped_card = [r for r in logged if r.event == "card_skipped"]
    assert [(r.source, r.levelno) for r in skipped_card] == [
        (str(CARDS / "05_no_identifiers.txt"), logging.WARNING)
    ]
    assert skipped_card[0].reason.startswith("Карточка не импортирована: не прочитаны")
    skipped_fields = [r for r in logged if r.event == "field_skipped"]
    assert finished.fields_skipped == len(skipped_fields)


def test_each_unread_field_is_logged_with_its_reason(caplog: pytest.LogCaptureFixture) -> None:
    text = (CARDS / "03_missing_sections.txt").read_text(encoding="utf-8")
    with caplog.at_level(logging.INFO, logger=LOGGER):
        result = fund_card_import(actor=None, text=text, source="03.txt", dry_run=True)
    logged = records(caplog)
    assert {r.run for r in logged} == {result.run_id}
    skipped = {r.field: r.reason for r in logged if r.event == "field_skipped"}
    assert skipped == {p.field: p.reason for p in result.problems}
    assert skipped["inn"] == next(p.reason for p in result.problems if p.field == "inn")
    assert all(r.source == "03.txt" for r in logged)


def test_one_card_logs_its_size_and_its_counts(caplog: pytest.LogCaptureFixture) -> None:
    text = (CARDS / "04_submitted_markdown.md").read_text(encoding="utf-8")
    with caplog.at_level(logging.INFO, logger=LOGGER):
        result = fund_card_import(actor=None, text=text, source="вставка")
    logged = records(caplog)
    assert [r.event for r in logged] == ["card_started"] + ["field_skipped"] * len(
        result.problems
    ) + ["card_finished"]
    assert {r.run for r in logged} == {result.run_id}
    assert logged[0].size == len(text)
    assert logged[0].dry_run is False
    finished = logged[-1]
    assert finished.imported is True
    assert finished.actions == {
        "organization": "created",
        "project": "created",
        "application": "created",
    }
    assert finished.fields_read == len(result.card.as_json())
    assert finished.fields_skipped == len(result.problems)
    assert finished.seconds >= 0


def test_two_runs_have_different_ids(caplog: pytest.LogCaptureFixture) -> None:
    text = (CARDS / "05_no_identifiers.txt").read_text(encoding="utf-8")
    with caplog.at_level(logging.INFO, logger=LOGGER):
        first = fund_card_import(actor=None, text=text)
        second = fund_card_import(actor=None, text=text)
    assert first.run_id != second.run_id
    assert {r.run for r in records(caplog)} == {first.run_id, second.run_id}
