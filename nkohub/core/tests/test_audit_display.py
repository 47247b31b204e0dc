"""The audit log in words: Russian names of actions and fields, values as people read them."""

import ast
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

import nkohub
from nkohub.core.audit import audit_log
from nkohub.core.audit_display import describe, render_value, vocabulary
from nkohub.core.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def appeal(editor: Any, ngo: Any, authority: Any) -> Any:
    from nkohub.reception import services

    created, _new = services.appeal_create(
        actor=editor,
        authority=authority,
        organization=ngo,
        subject="Компенсация за социальные услуги",
        text="Просим разъяснить порядок.",
        idempotency_key=uuid.uuid4(),
        submit=True,
    )
    return created


def _changes(entry: AuditEntry) -> dict[str, str]:
    return {change.label: change.value for change in describe(entry).changes}


def test_a_fair_decision_reads_in_russian(operator: Any, ngo: Any) -> None:
    from nkohub.projects.tests.factories import ProjectFactory

    project = ProjectFactory.create(organization=ngo)
    entry = audit_log(
        actor=operator,
        action="projects.fair.decide",
        obj=project,
        changes={"season": "Ярмарка 2026", "status": "accepted"},
    )
    described = describe(entry)
    assert described.action_label == "Решение по заявке на ярмарку"
    assert _changes(entry) == {"Сезон ярмарки": "Ярмарка 2026", "Статус": "принят на ярмарку"}


def test_a_status_change_reads_as_old_to_new_labels(operator: Any, appeal: Any) -> None:
    entry = audit_log(
        actor=operator,
        action="reception.appeal.registered",
        obj=appeal,
        changes={"status": ["submitted", "registered"], "registered_on": "2026-11-23"},
    )
    assert describe(entry).action_label == "Обращение: зарегистрировано"
    changes = _changes(entry)
    assert changes["Статус"] == "отправлено → зарегистрировано"
    assert changes["Дата регистрации"] == "23 ноября 2026"


def test_booleans_read_yes_or_no(operator: Any, appeal: Any) -> None:
    entry = audit_log(
        actor=operator,
        action="reception.appeal.answered",
        obj=appeal,
        changes={"in_time": True, "late": False},
    )
    assert _changes(entry) == {"Ответ дан в срок": "да", "Зарегистрировано с опозданием": "нет"}


def test_money_dates_and_empty_values_are_written_as_people_write_them() -> None:
    assert render_value([None, 1450000]) == "— → 1\xa0450\xa0000"
    assert render_value("2026-11-23T07:30:00+00:00") == "23 ноября 2026, 10:30"
    assert render_value(["культура", "спорт", "экология"]) == "культура, спорт, экология"
    assert render_value({"kind": "holiday"}) == "kind: holiday"


def test_an_unknown_action_and_key_fall_back_to_their_codes(operator: Any) -> None:
    entry = audit_log(actor=operator, action="future.thing.happen", changes={"some_key": 3})
    described = describe(entry)
    assert described.action_label == "future.thing.happen"
    assert not described.is_known_action
    assert _changes(entry) == {"Some key": "3"}


def test_the_audit_page_shows_words_not_python_values(
    client: Client, operator: Any, ngo: Any
) -> None:
    audit_log(
        actor=operator,
        action="organizations.membership.role",
        obj=ngo,
        changes={"user": "Анна Кузнецова", "role": ["member", "editor"]},
    )
    client.force_login(operator)
    content = client.get(reverse("core:audit_log")).content.decode()
    assert "Роль участника изменена" in content
    assert "участник → редактор" in content
    assert "[&#x27;member&#x27;" not in content
    assert "True" not in content


def test_the_audit_page_filters_by_a_chosen_action(client: Client, operator: Any, ngo: Any) -> None:
    audit_log(actor=operator, action="organizations.organization.verify", obj=ngo)
    audit_log(actor=operator, action="resources.offer.create", obj=ngo)
    client.force_login(operator)
    response = client.get(reverse("core:audit_log"), {"action": "organizations."})
    content = response.content.decode()
    assert "Организация проверена" in content
    assert "Предложение ресурса создано" not in content.split("<tbody>")[1]


def _actions_written_by_the_code() -> list[tuple[str, bool]]:
    """(action, is_prefix) of every audit_log call in the apps' code."""
    found: list[tuple[str, bool]] = []

    def collect(node: ast.AST) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.value, False))
        elif isinstance(node, ast.IfExp):
            collect(node.body)
            collect(node.orelse)
        elif isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant):
            found.append((str(node.values[0].value), True))
        elif isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant):
            if isinstance(node.right, ast.IfExp):
                for side in (node.right.body, node.right.orelse):
                    if isinstance(side, ast.Constant):
                        found.append((str(node.left.value) + str(side.value), False))
            else:
                found.append((str(node.left.value), True))

    for path in Path(nkohub.__path__[0]).rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "audit_log":
                for keyword in node.keywords:
                    if keyword.arg == "action":
                        collect(keyword.value)
    return found


def test_every_action_the_code_writes_has_a_russian_name() -> None:
    known = vocabulary().actions
    written = _actions_written_by_the_code()
    assert len(written) > 60
    missing = [
        action
        for action, is_prefix in written
        if not (any(code.startswith(action) for code in known) if is_prefix else action in known)
    ]
    assert not missing, f"add these to the app's audit_labels.py: {missing}"


def test_a_pair_that_did_not_change_reads_as_one_value() -> None:
    assert render_value(["26-1-008815", "26-1-008815"]) == "26-1-008815"
