"""Operators manage every model of consultations in the admin."""

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["competence", "expert", "question", "article", "slot"])
def test_operators_manage_consultations_in_the_admin(
    client: Any, operator: Any, model: str
) -> None:
    client.force_login(operator)
    assert client.get(f"/admin/consultations/{model}/").status_code == 200


def test_the_cabinet_shows_the_persons_questions(client: Any, member: Any) -> None:
    client.force_login(member)
    content = client.get("/cabinet/").content.decode()
    assert "Вопросы моих организаций" in content
