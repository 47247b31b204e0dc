"""Submission and outcomes of applications, and the statistics they feed."""

import datetime
import re
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.grants import services
from nkohub.grants.models import Application, RegionComparison
from nkohub.grants.selectors import grant_statistics, region_applications
from nkohub.grants.tests.factories import ApplicationFactory, FunderFactory
from nkohub.notifications.models import Notification
from nkohub.organizations.models import Organization
from nkohub.territories.tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(ngo: Organization, competition: Any, social: Any) -> Application:
    application: Application = ApplicationFactory.create(
        organization=ngo, competition=competition, direction=social
    )
    return application


def status_url(application: Application) -> str:
    return reverse("grants:application_status", args=[application.pk])


def test_an_editor_records_submission_with_the_funds_number(
    client: Any, editor: Any, owner: Any, draft: Application
) -> None:
    client.force_login(editor)
    response = client.post(
        status_url(draft),
        {"status": "submitted", "fund_number": "27-1-004512", "submitted_on": "2026-11-20"},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "submitted"
    assert draft.fund_number == "27-1-004512"
    assert draft.submitted_on == datetime.date(2026, 11, 20)
    assert Notification.objects.filter(recipient=owner, kind="grants.application.submitted")


@pytest.mark.parametrize("number", ["", "27-1-04512", "2711004512", "27-12-004512", "ab-1-004512"])
def test_a_submission_needs_a_valid_number(
    client: Any, owner: Any, draft: Application, number: str
) -> None:
    client.force_login(owner)
    response = client.post(status_url(draft), {"status": "submitted", "fund_number": number})
    assert response.status_code == 400
    expected = (
        "Укажите номер, который фонд присвоил заявке."
        if not number
        else "Номер заявки выглядит так: 23-1-012905."
    )
    assert expected in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_the_same_fund_number_cannot_be_used_twice(owner: Any, draft: Application) -> None:
    ApplicationFactory.create(status="submitted", fund_number="27-1-004512")
    with pytest.raises(DomainError, match="уже есть"):
        services.application_change_status(
            actor=owner, application=draft, status="submitted", fund_number="27-1-004512"
        )


def test_a_win_needs_the_amount(client: Any, owner: Any, draft: Application) -> None:
    services.application_change_status(
        actor=owner, application=draft, status="submitted", fund_number="27-1-004512"
    )
    client.force_login(owner)
    assert client.post(status_url(draft), {"status": "won"}).status_code == 400
    client.post(status_url(draft), {"status": "won", "awarded_amount": "1200000.50"})
    draft.refresh_from_db()
    assert draft.status == "won"
    assert draft.awarded_amount == Decimal("1200000.50")


def test_moves_outside_the_lifecycle_are_refused(owner: Any, draft: Application) -> None:
    with pytest.raises(DomainError, match="нельзя перейти"):
        services.application_change_status(
            actor=owner, application=draft, status="won", awarded_amount=Decimal("1")
        )


def test_a_withdrawn_application_may_become_a_draft_again(owner: Any, draft: Application) -> None:
    services.application_change_status(actor=owner, application=draft, status="withdrawn")
    services.application_change_status(actor=owner, application=draft, status="draft")
    draft.refresh_from_db()
    assert draft.status == "draft"


@pytest.mark.parametrize(("person", "status"), [("member", 403), ("outsider", 404)])
def test_only_owners_editors_and_operators_record_outcomes(
    client: Any, draft: Application, person: str, status: int, request: Any
) -> None:
    client.force_login(request.getfixturevalue(person))
    response = client.post(status_url(draft), {"status": "withdrawn"})
    assert response.status_code == status
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_an_operator_may_record_an_outcome(client: Any, operator: Any, draft: Application) -> None:
    client.force_login(operator)
    client.post(status_url(draft), {"status": "withdrawn"})
    draft.refresh_from_db()
    assert draft.status == "withdrawn"


def test_an_outcome_updates_the_statistics(owner: Any, ngo: Organization, draft: Any) -> None:
    before = grant_statistics(region_applications())
    assert before.total.applications == 0
    other = ApplicationFactory.create(organization=ngo, competition=draft.competition)
    for application, number in ((draft, "26-2-000101"), (other, "26-2-000102")):
        services.application_change_status(
            actor=owner,
            application=application,
            status="submitted",
            fund_number=number,
            submitted_on=datetime.date(2026, 3, 10),
        )
    services.application_change_status(
        actor=owner, application=draft, status="won", awarded_amount=Decimal("900000.00")
    )
    services.application_change_status(actor=owner, application=other, status="not_supported")
    stats = grant_statistics(region_applications())
    assert stats.total.applications == 2
    assert stats.total.winners == 1
    assert stats.total.success_percent == Decimal("50.0")
    assert stats.total.amount == Decimal("900000.00")
    assert [(r.label, r.applications, r.winners) for r in stats.by_year] == [("2026", 2, 1)]
    assert [(r.label, r.winners) for r in stats.by_funder] == [("ФПГ", 1)]
    assert stats.by_direction[0].label.startswith("Социальное обслуживание")


def test_drafts_and_withdrawn_applications_are_not_counted(ngo: Organization) -> None:
    ApplicationFactory.create(organization=ngo)
    ApplicationFactory.create(organization=ngo, status="withdrawn")
    assert grant_statistics(region_applications()).total.applications == 0


def test_applications_of_other_regions_are_not_in_the_regions_statistics(
    owner: Any, other_ngo: Organization, competition: Any
) -> None:
    other_ngo.municipality = None
    other_ngo.inn = "7707083893"
    other_ngo.save()
    ApplicationFactory.create(
        organization=other_ngo,
        competition=competition,
        status="submitted",
        fund_number="26-1-000001",
        submitted_on=datetime.date(2026, 3, 1),
    )
    assert grant_statistics(region_applications()).total.applications == 0


@pytest.mark.parametrize("count", [5, 25])
def test_the_statistics_page_runs_a_constant_number_of_queries(
    client: Any,
    ngo: Organization,
    competition: Any,
    count: int,
    django_assert_num_queries: Any,
) -> None:
    for n in range(count):
        ApplicationFactory.create(
            organization=ngo,
            competition=competition,
            status="won",
            awarded_amount=Decimal("100000"),
            fund_number=f"2{n % 5}-1-{n:06d}",
            submitted_on=datetime.date(2020 + n % 5, 3, 1),
        )
    with django_assert_num_queries(7):
        response = client.get(reverse("grants:statistics"))
    assert response.context["stats"].total.applications == count


def test_an_operator_enters_figures_of_another_region(
    client: Any, operator: Any, owner: Any, pfg: Any
) -> None:
    belgorod = RegionFactory.create(code="31", name="Белгородская область")
    data = {
        "region": belgorod.pk,
        "funder": pfg.pk,
        "year_from": 2017,
        "year_to": 2021,
        "applications": 1378,
        "winners": 149,
        "source": "исследование сектора НКО",
    }
    client.force_login(owner)
    assert client.post(reverse("grants:comparison_create"), data).status_code == 403
    client.force_login(operator)
    client.post(reverse("grants:comparison_create"), data)
    figures = RegionComparison.objects.get()
    assert figures.success_percent == Decimal("10.8")
    page = client.get(reverse("grants:statistics")).content.decode()
    assert "Белгородская область" in page
    assert re.search(r"1[\s\u00a0]?378", page)
    client.post(reverse("grants:comparison_create"), data)  # the same period again
    assert RegionComparison.objects.count() == 1
    client.force_login(owner)
    delete = reverse("grants:comparison_delete", args=[figures.pk])
    assert client.post(delete).status_code == 403
    client.force_login(operator)
    client.post(delete)
    assert not RegionComparison.objects.exists()


def test_more_winners_than_applications_are_refused(client: Any, operator: Any, pfg: Any) -> None:
    belgorod = RegionFactory.create(code="31", name="Белгородская область")
    client.force_login(operator)
    client.post(
        reverse("grants:comparison_create"),
        {
            "region": belgorod.pk,
            "funder": pfg.pk,
            "year_from": 2017,
            "year_to": 2021,
            "applications": 10,
            "winners": 11,
        },
    )
    assert not RegionComparison.objects.exists()


def test_an_organisations_statistics_are_for_its_members(
    client: Any, member: Any, outsider: Any, ngo: Organization, draft: Application, owner: Any
) -> None:
    services.application_change_status(
        actor=owner,
        application=draft,
        status="submitted",
        fund_number="27-1-000001",
        submitted_on=datetime.date(2026, 11, 1),
    )
    url = reverse("grants:organization_statistics", args=[ngo.pk])
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["stats"].total.applications == 1
    assert draft.title in response.content.decode()


def test_the_funder_of_an_imported_application_counts(db: Any) -> None:
    assert FunderFactory.create().short_name == "ФПГ"
