import datetime
from decimal import Decimal
from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from nkohub.projects import selectors, services
from nkohub.projects.models import Project, SponsorPreferences
from nkohub.projects.tests.factories import (
    FairEntryFactory,
    PledgeFactory,
    ProjectFactory,
    make_municipality,
    make_sphere,
)

pytestmark = pytest.mark.django_db


def test_sponsor_sees_projects_of_chosen_spheres_and_territories(
    client: Any, sponsor: Any, business: Any, season: Any
) -> None:
    family = make_sphere(code="family", name="Семья")
    kaluga = make_municipality(name="Калуга")
    match = ProjectFactory.create(title="Семейный клуб в Калуге", covers_whole_region=False)
    match.spheres.add(family)
    match.municipalities.add(kaluga)
    regional = ProjectFactory.create(title="Семьи всей области", covers_whole_region=True)
    regional.spheres.add(family)
    elsewhere = ProjectFactory.create(title="Семьи Тарусы", covers_whole_region=False)
    elsewhere.spheres.add(family)
    elsewhere.municipalities.add(make_municipality(name="Тарусский"))
    closed = ProjectFactory.create(title="Завершённый", status=Project.Status.COMPLETED)
    closed.spheres.add(family)
    for p in (match, regional, elsewhere, closed):
        FairEntryFactory.create(project=p, season=season)

    client.force_login(sponsor)
    url = reverse("projects:sponsor", args=[business.pk])
    response = client.post(url, {"spheres": [family.pk], "municipalities": [kaluga.pk]})
    assert response.status_code == 302
    assert SponsorPreferences.objects.get(organization=business).spheres.get() == family
    titles = {p.title for p in client.get(url).context["matching"].object_list}
    assert titles == {"Семейный клуб в Калуге", "Семьи всей области"}


def test_the_sponsor_home_redirects_to_the_only_company(
    client: Any, sponsor: Any, business: Any
) -> None:
    client.force_login(sponsor)
    response = client.get(reverse("projects:sponsor_home"))
    assert response["Location"] == reverse("projects:sponsor", args=[business.pk])


def test_a_member_of_the_company_sees_but_cannot_change_preferences(
    client: Any, sponsor_member: Any, business: Any
) -> None:
    client.force_login(sponsor_member)
    url = reverse("projects:sponsor", args=[business.pk])
    page = client.get(url)
    assert page.status_code == 200
    content = page.content.decode()
    assert f"<h1>{business.display_name}: поддержка социальных проектов</h1>" in content
    assert "<p>Любая сфера</p>" in content  # the preferences as text, not the form
    assert 'name="spheres"' not in content
    assert client.post(url, {"spheres": []}).status_code == 403
    assert not SponsorPreferences.objects.exists()


def test_an_outsider_cannot_see_a_company_sponsor_page(
    client: Any, outsider: Any, business: Any
) -> None:
    client.force_login(outsider)
    assert client.get(reverse("projects:sponsor", args=[business.pk])).status_code == 404
    assert client.post(reverse("projects:sponsor", args=[business.pk]), {}).status_code == 404
    assert client.get(reverse("projects:sponsor_report", args=[business.pk])).status_code == 404


def test_the_sponsor_page_lists_pledges_with_their_state(
    client: Any, sponsor: Any, business: Any, editor: Any, project: Project
) -> None:
    pledge = PledgeFactory.create(
        project=project, organization=business, pledged_by=sponsor, amount=Decimal("120000")
    )
    services.pledge_accept(actor=editor, pledge=pledge)
    client.force_login(sponsor)
    response = client.get(reverse("projects:sponsor", args=[business.pk]))
    body = response.content.decode()
    assert project.title in body
    assert list(response.context["pledges"]) == [pledge]


@pytest.fixture
def contributions(editor: Any, sponsor: Any, business: Any, project: Project) -> None:
    pledge = PledgeFactory.create(
        project=project, organization=business, pledged_by=sponsor, amount=Decimal("120000.00")
    )
    partnership = services.pledge_accept(actor=editor, pledge=pledge)
    today = timezone.localdate()
    services.fulfilment_record(
        actor=editor, partnership=partnership, received_on=today, amount=Decimal("50000.50")
    )
    services.fulfilment_record(
        actor=editor,
        partnership=partnership,
        received_on=today - datetime.timedelta(days=400),
        amount=Decimal("1.00"),
    )


def test_the_xlsx_report_holds_the_period_contributions(
    client: Any, sponsor: Any, business: Any, contributions: None
) -> None:
    today = timezone.localdate()
    client.force_login(sponsor)
    response = client.get(
        reverse("projects:sponsor_report", args=[business.pk]),
        {
            "start": (today - datetime.timedelta(days=30)).isoformat(),
            "end": today.isoformat(),
            "format": "xlsx",
        },
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    data = [r for r in rows if r and r[1] == "Тёплый дом"]
    assert len(data) == 1
    assert Decimal(str(data[0][4])) == Decimal("50000.5")
    assert rows[-1][0] == "Итого деньгами, ₽"


def test_the_pdf_report_is_a_pdf(
    client: Any, sponsor: Any, business: Any, contributions: None
) -> None:
    today = timezone.localdate()
    client.force_login(sponsor)
    response = client.get(
        reverse("projects:sponsor_report", args=[business.pk]),
        {
            "start": (today - datetime.timedelta(days=30)).isoformat(),
            "end": today.isoformat(),
            "format": "pdf",
        },
    )
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_contributions_are_counted_in_kopecks(business: Any, contributions: None) -> None:
    today = timezone.localdate()
    rows = selectors.contributions_for_period(
        business, today - datetime.timedelta(days=1000), today
    )
    assert selectors.money_total(rows) == Decimal("50001.50")


def test_a_reversed_period_is_refused(client: Any, sponsor: Any, business: Any) -> None:
    client.force_login(sponsor)
    response = client.get(
        reverse("projects:sponsor_report", args=[business.pk]),
        {"start": "2026-12-01", "end": "2026-01-01", "format": "xlsx"},
    )
    assert response.status_code == 302
