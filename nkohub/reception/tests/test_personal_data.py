"""What the reception holds about a person: exported on request, detached on deletion."""

from typing import Any

import pytest

from nkohub.accounts.personal_data import handlers
from nkohub.core.cabinet import blocks_for
from nkohub.reception.models import Appeal

pytestmark = pytest.mark.django_db


def handler() -> Any:
    return next(h for h in handlers() if h.key == "reception")


def test_a_person_exports_their_appeals(make_appeal: Any, editor: Any) -> None:
    make_appeal(Appeal.Status.ANSWERED)
    (exported,) = handler().export(editor)
    assert exported["subject"] == "Компенсация за социальные услуги"
    assert exported["answer"] == "Компенсация выплачивается по заявлению."


def test_deleting_an_account_keeps_the_authoritys_records_without_the_person(
    make_appeal: Any, editor: Any, outsider: Any
) -> None:
    draft = make_appeal(Appeal.Status.DRAFT)
    sent = make_appeal(Appeal.Status.ANSWERED)
    private = make_appeal(Appeal.Status.REGISTERED, author=outsider, organization=None)
    summary = handler().erase(editor)
    assert summary["drafts_deleted"] == 1
    assert not Appeal.objects.filter(pk=draft.pk).exists()
    sent.refresh_from_db()
    assert sent.author is None
    assert sent.author_label == str(sent.organization)
    handler().erase(outsider)
    private.refresh_from_db()
    assert private.text == "[удалено по запросу автора]"


def test_the_cabinet_shows_the_desk_to_an_official_and_appeals_to_an_author(
    make_appeal: Any, editor: Any, official: Any
) -> None:
    make_appeal()
    by_template = {b["template"]: b["context"] for b in blocks_for(official)}
    assert by_template["reception/_cabinet.html"]["desks"][0]["counts"]["submitted"] == 1
    by_template = {b["template"]: b["context"] for b in blocks_for(editor)}
    assert by_template["reception/_cabinet.html"]["authored"] == 1
