"""A person's tokens are in "download my data" and go with the account."""

from typing import Any

import pytest

from nkohub.api.models import ApiToken
from nkohub.api.personal_data import erase, export
from nkohub.api.tests.factories import make_token

pytestmark = pytest.mark.django_db


def test_the_export_lists_the_persons_tokens_without_their_keys(owner: Any, ngo: Any) -> None:
    token, key = make_token(owner, ngo, name="Сайт")
    exported = export(owner)
    assert (exported["api_tokens"][0]["prefix"], key in str(exported)) == (token.prefix, False)


def test_erasing_removes_the_persons_tokens(owner: Any, ngo: Any) -> None:
    make_token(owner, ngo)
    erase(owner)
    assert not ApiToken.objects.filter(user=owner).exists()
