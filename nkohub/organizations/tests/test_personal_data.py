from typing import Any

import pytest
from django.urls import reverse

from nkohub.accounts.services import user_export_data
from nkohub.organizations.models import Claim, Membership
from nkohub.organizations.services import personal_data_erase

pytestmark = pytest.mark.django_db


def test_the_export_of_my_data_lists_memberships_and_claims(
    client: Any, owner: Any, other_ngo: Any, pdf: Any
) -> None:
    client.force_login(owner)
    client.post(
        reverse("organizations:claim", args=[other_ngo.pk]),
        {"stated_role": "head", "document": pdf},
    )
    data = user_export_data(user=owner)["organizations"]
    assert data["memberships"][0]["role"] == "owner"
    assert data["claims"][0]["document"] == "prikaz.pdf"


def test_erasing_removes_memberships_claims_and_documents(
    client: Any, owner: Any, other_ngo: Any, pdf: Any
) -> None:
    client.force_login(owner)
    client.post(
        reverse("organizations:claim", args=[other_ngo.pk]),
        {"stated_role": "head", "document": pdf},
    )
    document = Claim.objects.get().document
    storage, storage_name = document.storage, str(document.name)
    assert storage.exists(storage_name)
    summary = personal_data_erase(owner)
    assert summary["memberships"] == 1
    assert summary["claims"] == 1
    assert summary["claim_documents"] == 1
    assert not Membership.objects.filter(user=owner).exists()
    assert not storage.exists(storage_name)


def test_the_cabinet_shows_my_organisations_and_the_way_to_join(
    client: Any, owner: Any, outsider: Any, ngo: Any
) -> None:
    client.force_login(owner)
    content = client.get(reverse("core:cabinet")).content.decode()
    assert ngo.display_name in content
    assert reverse("organizations:members", args=[ngo.pk]) in content
    client.force_login(outsider)
    content = client.get(reverse("core:cabinet")).content.decode()
    assert reverse("organizations:register") in content
    assert reverse("organizations:directory") in content
