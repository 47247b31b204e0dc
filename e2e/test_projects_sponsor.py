"""The fair's filters update the results in place (htmx), and a sponsor chooses spheres, sees matching
projects and downloads the report of its contributions."""

import datetime
import re
from decimal import Decimal
from io import BytesIO
from typing import Any

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from nkohub.organizations.models import Membership, Organization, Sphere
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory
from nkohub.projects import services
from nkohub.projects.models import FairEntry, FairSeason, Project, ProjectNeed
from nkohub.projects.tests.factories import PledgeFactory


@pytest.fixture
def fair(db: Any, ngo: Organization, editor: Any) -> dict[str, Any]:
    today = timezone.localdate()
    season = FairSeason.objects.create(
        title="Ярмарка социальных проектов 2026",
        slug="fair-2026",
        submissions_open_on=today - datetime.timedelta(days=30),
        submissions_close_on=today + datetime.timedelta(days=20),
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
    )
    family = Sphere.objects.create(
        code="family", name="Поддержка семьи, материнства, отцовства и детства"
    )
    culture = Sphere.objects.create(code="culture", name="Культура и искусство")
    projects = {}
    for title, sphere, status in (
        ("Школа заботы для родственников", family, Project.Status.RUNNING),
        ("Музыкальные субботы", culture, Project.Status.SEEKING_PARTNERS),
    ):
        project = Project.objects.create(
            organization=ngo,
            title=title,
            summary="Демонстрационный проект.",
            covers_whole_region=True,
            status=status,
        )
        project.spheres.add(sphere)
        ProjectNeed.objects.create(
            project=project, kind="money", description="Материалы", quantity=Decimal("100000")
        )
        FairEntry.objects.create(season=season, project=project, status=FairEntry.Status.ACCEPTED)
        projects[title] = project
    return {"season": season, "family": family, "projects": projects}


@pytest.fixture
def sponsor(db: Any) -> Any:
    business = OrganizationFactory(
        kind=Organization.Kind.BUSINESS,
        full_name="ООО «Калужская строительная компания»",
        short_name="ООО «КСК»",
    )
    return MembershipFactory(
        organization=business, role=Membership.Role.OWNER, user__email="sam@example.org"
    ).user


def test_filters_update_the_list_in_place(
    page: Any, shot: Any, fair: dict[str, Any], assert_accessible: Any
) -> None:
    page.goto("/fair/")
    expect(page.get_by_role("link", name="Школа заботы для родственников")).to_be_visible()
    expect(page.get_by_role("link", name="Музыкальные субботы")).to_be_visible()
    page.get_by_label("Статус").select_option(label="реализуется")
    expect(page.get_by_role("link", name="Музыкальные субботы")).to_have_count(0)
    expect(page.get_by_role("link", name="Школа заботы для родственников")).to_be_visible()
    expect(page).to_have_url(re.compile(r"status=running"))
    shot("filtered")
    assert_accessible("after filtering")
    page.get_by_label("Статус").select_option(label="завершён")
    expect(page.get_by_text("Нет проектов с такими условиями")).to_be_visible()
    assert not [error for error in page.console_errors if "Content Security Policy" in error]


def test_a_sponsor_chooses_spheres_and_downloads_the_report(
    page: Any,
    shot: Any,
    login: Any,
    sponsor: Any,
    editor: Any,
    fair: dict[str, Any],
    assert_accessible: Any,
) -> None:
    business = Organization.objects.get(short_name="ООО «КСК»")
    project = fair["projects"]["Школа заботы для родственников"]
    pledge = PledgeFactory.create(
        project=project,
        need=project.needs.get(),
        organization=business,
        pledged_by=sponsor,
        amount=Decimal("60000.00"),
    )
    partnership = services.pledge_accept(actor=editor, pledge=pledge)
    services.fulfilment_record(
        actor=editor,
        partnership=partnership,
        received_on=timezone.localdate(),
        amount=Decimal("25000.50"),
    )

    login(sponsor)
    page.goto("/fair/sponsor/")
    page.wait_for_url(re.compile(rf"/fair/sponsor/{business.pk}/"))
    page.get_by_label(fair["family"].name).check()
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_text("Ваши предпочтения сохранены.")).to_be_visible()
    matching = page.locator("section", has=page.get_by_role("heading", name="Подходящие проекты"))
    expect(matching.get_by_role("link", name="Школа заботы для родственников")).to_be_visible()
    expect(matching.get_by_role("link", name="Музыкальные субботы")).to_have_count(0)
    expect(page.get_by_role("cell", name="выполняется")).to_be_visible()
    shot("sponsor-page")
    assert_accessible("on the sponsor page")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Скачать").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(BytesIO(open(download.path(), "rb").read())).active  # noqa: SIM115
    rows = [
        row
        for row in sheet.iter_rows(values_only=True)
        if row and row[1] == "Школа заботы для родственников"
    ]
    assert Decimal(str(rows[0][4])) == Decimal("25000.5")
