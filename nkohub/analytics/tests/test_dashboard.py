"""The public dashboard at /analytics/: the figures the data implies, the operator's choice of public
blocks, CSV per block, a cached page with a constant number of queries."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse

from nkohub.analytics import dashboard
from nkohub.analytics.models import DashboardBlock
from nkohub.analytics.tests.factories import MediaFigureFactory, SubsidyFactory, subsidies_totalling
from nkohub.grants.services import fund_result_record
from nkohub.organizations.tests.factories import OrganizationFactory, SphereFactory

URL = reverse("analytics:dashboard")
# the session and the user aside, one or two statements per block (aggregates in SQL)
COLD_QUERIES = 32


@pytest.fixture
def figures_2021(db: Any, funder: Any, region: Any, comparison_region: Any) -> None:
    subsidies_totalling(15_300_000, 100, year=2021)
    for year, applications, winners in ((2019, 30, 10), (2020, 40, 15), (2021, 47, 20)):
        fund_result_record(
            actor=None,
            region=region,
            funder=funder,
            year=year,
            applications=applications,
            winners=winners,
            amount=Decimal("1000000"),
        )
    fund_result_record(
        actor=None, region=comparison_region, funder=funder, year=2021, applications=305, winners=34
    )


def _block(key: str, everything: bool = False) -> dashboard.Block:
    return next(b for b in dashboard.build_blocks(everything=everything) if b.key == key)


def test_entered_subsidies_of_100_recipients_totalling_15_3_million_show_as_such(
    client: Any, figures_2021: None
) -> None:
    block = _block("subsidy_direction")
    assert block.title.endswith("2021")
    assert block.rows[0][1] == 100
    assert block.rows[0][2] == Decimal("15300000")
    content = client.get(URL).content.decode()
    assert "15\u00a0300\u00a0000,00\u00a0₽" in content
    assert "2021: 100 получателей, 15\u00a0300\u00a0000,00\u00a0₽ всего." in content


def test_117_applications_with_45_approved_give_a_38_5_percent_success_rate(
    client: Any, figures_2021: None
) -> None:
    block = _block("success_rate")
    ours = block.rows[0]
    assert ours[0] == "Калужская область"
    assert (ours[2], ours[3]) == (117, 45)
    assert ours[4] == Decimal("38.5")
    assert block.rows[1][4] == Decimal("11.1")  # 34 of 305
    content = client.get(URL).content.decode()
    assert "38,5\u00a0%" in content


def test_grants_by_year_count_each_year_once(figures_2021: None) -> None:
    block = _block("grants_year")
    assert [(row[0], row[1], row[2]) for row in block.rows] == [
        ("2019", 30, 10),
        ("2020", 40, 15),
        ("2021", 47, 20),
    ]


def test_organisations_are_counted_by_sphere_and_verification(db: Any) -> None:
    culture = SphereFactory.create(code="culture", name="Культура")
    for verified in (True, False, False):
        organization = OrganizationFactory.create(is_verified=verified)
        organization.spheres.add(culture)
    OrganizationFactory.create(kind="business")
    assert _block("org_sphere").rows == [["Культура", 3]]
    assert _block("org_verified").rows[0][1:] == [1]
    assert _block("org_verified").rows[1][1:] == [2]


def test_a_block_the_operator_made_private_is_hidden_from_everyone_else(
    client: Any, operator: Any, figures_2021: None
) -> None:
    DashboardBlock.objects.create(key="subsidy_direction", is_public=False)
    assert 'id="block-subsidy_direction"' not in client.get(URL).content.decode()
    assert client.get(reverse("analytics:block_csv", args=["subsidy_direction"])).status_code == 404
    client.force_login(operator)
    content = client.get(URL).content.decode()
    assert 'id="block-subsidy_direction"' in content
    assert "видят только операторы" in content


def test_the_operator_chooses_the_public_blocks(client: Any, operator: Any, db: Any) -> None:
    client.force_login(operator)
    keep = [key for key in dashboard.BLOCK_KEYS if key != "media_month"]
    response = client.post(reverse("analytics:public_blocks"), {"public": keep})
    assert response.status_code == 302
    assert set(DashboardBlock.objects.filter(is_public=False).values_list("key", flat=True)) == {
        "media_month"
    }
    client.logout()
    assert 'id="block-media_month"' not in client.get(URL).content.decode()


def test_someone_who_is_not_an_operator_cannot_choose_the_public_blocks(
    client: Any, member: Any
) -> None:
    client.force_login(member)
    assert client.post(reverse("analytics:public_blocks"), {"public": []}).status_code == 403
    assert not DashboardBlock.objects.exists()


def test_each_block_downloads_as_a_csv_excel_reads(client: Any, figures_2021: None) -> None:
    response = client.get(reverse("analytics:block_csv", args=["subsidy_direction"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Направление;Получатели;Сумма"
    assert lines[1].endswith(";100;15300000,00")


def test_an_unknown_block_is_404(client: Any, db: Any) -> None:
    assert client.get(reverse("analytics:block_csv", args=["nope"])).status_code == 404


def test_the_dashboard_without_figures_shows_empty_states(client: Any, db: Any) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    assert "empty-state" in response.content.decode()


def test_the_page_runs_a_constant_number_of_queries_whatever_the_data(
    client: Any, figures_2021: None, django_assert_max_num_queries: Any
) -> None:
    cache.clear()
    with django_assert_max_num_queries(COLD_QUERIES) as cold:
        client.get(URL)
    first = len(cold.captured_queries)
    SubsidyFactory.create_batch(30, year=2021)
    MediaFigureFactory.create(month=2)
    for _ in range(5):
        OrganizationFactory.create()
    cache.clear()
    with django_assert_max_num_queries(first) as again:
        client.get(URL)
    assert len(again.captured_queries) == first


def test_a_warm_page_runs_no_query(
    client: Any, figures_2021: None, django_assert_num_queries: Any
) -> None:
    client.get(URL)
    with django_assert_num_queries(0):
        client.get(URL)


def test_a_new_subsidy_shows_at_once(client: Any, figures_2021: None) -> None:
    client.get(URL)
    SubsidyFactory.create(year=2021, amount=Decimal("700000"), direction="Совсем новое направление")
    assert "Совсем новое направление" in client.get(URL).content.decode()


def test_the_dashboard_is_in_the_navigation(client: Any, db: Any) -> None:
    assert f'href="{URL}"' in client.get(reverse("core:home")).content.decode()


def test_operators_find_the_reports_in_their_cabinet(
    client: Any, operator: Any, member: Any
) -> None:
    client.force_login(operator)
    assert reverse("analytics:reports") in client.get(reverse("core:cabinet")).content.decode()
    client.force_login(member)
    assert reverse("analytics:reports") not in client.get(reverse("core:cabinet")).content.decode()


def test_competitions_run_on_the_platform_show_by_year(client: Any, db: Any) -> None:
    from nkohub.competitions.models import Submission
    from nkohub.competitions.tests.factories import CallFactory, SubmissionFactory

    call = CallFactory.create(
        applications_open_on=datetime.date(2026, 3, 1),
        applications_close_on=datetime.date(2026, 4, 1),
    )
    for amount in (Decimal("800000.00"), Decimal("450000.00")):
        SubmissionFactory.create(
            call=call, status=Submission.Status.APPROVED, awarded_amount=amount
        )
    SubmissionFactory.create(
        call=call, status=Submission.Status.DECLINED, decline_reason="Не хватило баллов."
    )
    SubmissionFactory.create(call=call, status=Submission.Status.WITHDRAWN)
    block = _block("platform_competitions")
    assert block.rows == [[2026, 1, 3, 2, Decimal("1250000.00")]]
    assert "1\u00a0250\u00a0000,00\u00a0₽" in client.get(URL).content.decode()
