"""Personal tokens: made by the organisation's owners and editors, shown once, stored hashed,
revoked by their owner, and noted when used."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.api.models import ApiToken, Scope
from nkohub.api.services.tokens import hash_key, token_create, token_revoke
from nkohub.api.tests.factories import bearer, make_token
from nkohub.core.errors import DomainError
from nkohub.organizations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_the_key_is_shown_once_and_only_its_hash_is_kept(owner: Any, ngo: Any) -> None:
    token, key = make_token(owner, ngo)
    stored = ApiToken.objects.get(pk=token.pk)
    assert (stored.key_hash, key.startswith(f"nko_{stored.prefix}_")) == (hash_key(key), True)


def test_a_plain_member_may_not_make_a_token_for_the_organisation(member: Any, ngo: Any) -> None:
    with pytest.raises(DomainError):
        token_create(actor=member, organization=ngo, name="CRM", scopes=[Scope.READ])


def test_an_unknown_scope_is_refused(owner: Any, ngo: Any) -> None:
    with pytest.raises(DomainError) as refused:
        token_create(actor=owner, organization=ngo, name="CRM", scopes=["everything"])
    assert refused.value.field == "scopes"


def test_the_page_shows_the_new_key_once(client: Any, owner: Any, ngo: Any) -> None:
    client.force_login(owner)
    response = client.post(
        reverse("api:tokens"), {"name": "Сайт", "organization": ngo.pk, "scopes": ["read"]}
    )
    token = ApiToken.objects.get()
    assert f"nko_{token.prefix}_" in response.content.decode()


def test_the_page_offers_only_the_organisations_the_person_acts_for(
    client: Any, owner: Any, other_ngo: Any
) -> None:
    client.force_login(owner)
    client.post(
        reverse("api:tokens"), {"name": "Чужой", "organization": other_ngo.pk, "scopes": ["read"]}
    )
    assert not ApiToken.objects.exists()


def test_another_person_cannot_revoke_the_token(
    client: Any, owner: Any, editor: Any, ngo: Any
) -> None:
    token, _ = make_token(owner, ngo)
    client.force_login(editor)
    response = client.post(reverse("api:token_revoke", args=[token.pk]))
    assert response.status_code == 404


def test_a_revoked_token_is_refused_by_the_api(client: Any, owner: Any, ngo: Any) -> None:
    token, key = make_token(owner, ngo)
    token_revoke(actor=owner, token=token)
    response = client.get("/api/v1/organizations", **bearer(key))
    assert response.status_code == 401


def test_an_unknown_token_is_a_problem_of_401(client: Any) -> None:
    response = client.get("/api/v1/organizations", **bearer("nko_deadbeef_nothing"))
    assert (response.status_code, response["Content-Type"]) == (401, "application/problem+json")


def test_a_use_is_noted_with_its_time_and_address(client: Any, owner: Any, ngo: Any) -> None:
    token, key = make_token(owner, ngo)
    client.get("/api/v1/organizations", REMOTE_ADDR="192.0.2.7", **bearer(key))
    token.refresh_from_db()
    assert (token.last_used_at is not None, token.last_used_from) == (True, "192.0.2.7")


def test_a_token_stops_when_its_person_no_longer_acts_for_the_organisation(
    client: Any, ngo: Any
) -> None:
    membership = MembershipFactory.create(organization=ngo, role="editor")
    _, key = make_token(membership.user, ngo, [Scope.PROFILE_WRITE])
    membership.delete()
    response = client.patch(
        f"/api/v1/organizations/{ngo.pk}",
        data={"description": "Новое описание"},
        content_type="application/json",
        **bearer(key),
    )
    assert response.status_code == 403


@pytest.mark.parametrize("count", [1, 6])
def test_the_tokens_page_costs_the_same_queries_at_any_number_of_tokens(
    client: Any, owner: Any, ngo: Any, count: int, django_assert_num_queries: Any
) -> None:
    for n in range(count):
        make_token(owner, ngo, name=f"Токен {n}")
    client.force_login(owner)
    client.get(reverse("api:tokens"))  # warm the session
    with django_assert_num_queries(6):
        client.get(reverse("api:tokens"))
