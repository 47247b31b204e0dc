import datetime
from typing import Any

import pytest
from django.urls import reverse

from nkohub.core.errors import DomainError
from nkohub.notifications.models import Notification
from nkohub.projects import selectors, services
from nkohub.projects.models import FairEntry, FairSeason, Project, ProjectNeed
from nkohub.projects.tests.factories import (
    FairEntryFactory,
    FairSeasonFactory,
    ProjectFactory,
    ProjectNeedFactory,
    make_municipality,
    make_sphere,
)

pytestmark = pytest.mark.django_db


def test_the_fair_is_the_projects_index(client: Any) -> None:
    assert reverse("projects:fair") == "/fair/"
    response = client.get("/fair/")
    assert response.status_code == 200
    assert "<h1>Ярмарка социальных проектов</h1>" in response.content.decode()


def test_the_team_submits_a_project_and_operators_are_told(
    client: Any, editor: Any, operator: Any, draft: Project, season: FairSeason
) -> None:
    client.force_login(editor)
    response = client.post(reverse("projects:submit", args=[draft.pk]), {"season": season.pk})
    assert response.status_code == 302
    entry = FairEntry.objects.get(project=draft)
    assert entry.status == FairEntry.Status.SUBMITTED
    assert Notification.objects.filter(recipient=operator, kind="projects.fair.submitted").exists()
    # not shown at the fair until accepted
    assert draft not in selectors.fair_projects()


def test_a_member_cannot_submit(
    client: Any, member: Any, draft: Project, season: FairSeason
) -> None:
    client.force_login(member)
    assert (
        client.post(reverse("projects:submit", args=[draft.pk]), {"season": season.pk}).status_code
        == 403
    )
    assert not FairEntry.objects.exists()


def test_an_outsider_cannot_submit(
    client: Any, outsider: Any, draft: Project, season: FairSeason
) -> None:
    client.force_login(outsider)
    assert (
        client.post(reverse("projects:submit", args=[draft.pk]), {"season": season.pk}).status_code
        == 404
    )


def test_submission_outside_the_dates_is_refused(editor: Any, draft: Project) -> None:
    past = FairSeasonFactory.create(
        submissions_open_on=datetime.date(2020, 1, 1),
        submissions_close_on=datetime.date(2020, 2, 1),
        starts_on=datetime.date(2020, 3, 1),
        ends_on=datetime.date(2020, 3, 2),
    )
    with pytest.raises(DomainError, match="Приём проектов"):
        services.fair_entry_submit(actor=editor, project=draft, season=past)


def test_a_project_without_needs_cannot_be_submitted(
    editor: Any, ngo: Any, season: FairSeason
) -> None:
    project = ProjectFactory.create(organization=ngo)
    with pytest.raises(DomainError, match="потребность"):
        services.fair_entry_submit(actor=editor, project=project, season=season)


def test_a_project_cannot_be_submitted_twice(
    editor: Any, draft: Project, season: FairSeason
) -> None:
    services.fair_entry_submit(actor=editor, project=draft, season=season)
    with pytest.raises(DomainError, match="уже подан"):
        services.fair_entry_submit(actor=editor, project=draft, season=season)


def test_the_operator_accepts_and_the_team_is_told(
    client: Any, editor: Any, owner: Any, operator: Any, draft: Project, season: FairSeason
) -> None:
    entry = services.fair_entry_submit(actor=editor, project=draft, season=season)
    client.force_login(operator)
    assert draft.title in client.get(reverse("projects:moderation")).content.decode()
    response = client.post(
        reverse("projects:entry_decide", args=[entry.pk]), {"decision": "accept"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == FairEntry.Status.ACCEPTED
    assert entry.decided_by == operator
    assert Notification.objects.filter(recipient=owner, kind="projects.fair.accepted").exists()
    assert Notification.objects.filter(recipient=editor, kind="projects.fair.accepted").exists()
    assert draft in selectors.fair_projects()
    client.logout()
    public = client.get(reverse("projects:detail", args=[draft.pk]))
    assert public.status_code == 200
    assert f"<h1>{draft.title}</h1>" in public.content.decode()
    assert f"{season.title}: принят на ярмарку" in public.content.decode()


def test_rejection_needs_a_reason(
    operator: Any, editor: Any, draft: Project, season: FairSeason
) -> None:
    entry = services.fair_entry_submit(actor=editor, project=draft, season=season)
    with pytest.raises(DomainError, match="почему"):
        services.fair_entry_decide(actor=operator, entry=entry, accept=False)
    services.fair_entry_decide(
        actor=operator, entry=entry, accept=False, note="Нет описания бюджета"
    )
    entry.refresh_from_db()
    assert entry.status == FairEntry.Status.REJECTED
    # after a rejection the team may submit again
    services.fair_entry_submit(actor=editor, project=draft, season=season)
    entry.refresh_from_db()
    assert entry.status == FairEntry.Status.SUBMITTED


@pytest.mark.parametrize("person", ["editor", "outsider", "official"])
def test_only_operators_moderate(
    client: Any, request: Any, person: str, draft: Project, season: FairSeason
) -> None:
    entry = FairEntryFactory.create(project=draft, season=season, status=FairEntry.Status.SUBMITTED)
    client.force_login(request.getfixturevalue(person))
    assert client.get(reverse("projects:moderation")).status_code == 403
    assert (
        client.post(
            reverse("projects:entry_decide", args=[entry.pk]), {"decision": "accept"}
        ).status_code
        == 403
    )
    entry.refresh_from_db()
    assert entry.status == FairEntry.Status.SUBMITTED


def test_the_team_withdraws_from_the_fair(
    client: Any, editor: Any, member: Any, project: Project
) -> None:
    entry = project.fair_entries.get()
    client.force_login(member)
    assert client.post(reverse("projects:entry_withdraw", args=[entry.pk])).status_code == 403
    client.force_login(editor)
    client.post(reverse("projects:entry_withdraw", args=[entry.pk]))
    entry.refresh_from_db()
    assert entry.status == FairEntry.Status.WITHDRAWN


def test_visitors_filter_by_sphere_territory_need_and_status(
    client: Any, season: FairSeason
) -> None:
    culture = make_sphere(code="culture", name="Культура")
    borovsk = make_municipality(name="Боровский")
    concert = ProjectFactory.create(
        title="Концерты", covers_whole_region=False, status=Project.Status.RUNNING
    )
    concert.spheres.add(culture)
    concert.municipalities.add(borovsk)
    ProjectNeedFactory.create(
        project=concert, kind=ProjectNeed.Kind.PREMISES, quantity=3, unit="дня"
    )
    regional = ProjectFactory.create(title="Областной проект", covers_whole_region=True)
    ProjectNeedFactory.create(project=regional)
    other = ProjectFactory.create(title="Чужой район", covers_whole_region=False)
    other.municipalities.add(make_municipality(name="Тарусский"))
    for p in (concert, regional, other):
        FairEntryFactory.create(project=p, season=season)

    def titles(**params: Any) -> set[str]:
        response = client.get("/fair/", params)
        return {p.title for p in response.context["page"].object_list}

    assert titles() == {"Концерты", "Областной проект", "Чужой район"}
    assert titles(sphere=culture.pk) == {"Концерты"}
    assert titles(municipality=borovsk.pk) == {"Концерты", "Областной проект"}
    assert titles(need="premises") == {"Концерты"}
    assert titles(status="running") == {"Концерты"}
    assert titles(q="област") == {"Областной проект"}
    assert titles(q="концертов") == {"Концерты"}
    assert titles(season="no-such-season") == {"Концерты", "Областной проект", "Чужой район"}


def test_the_fair_suggests_a_corrected_search(client: Any, season: FairSeason) -> None:
    FairEntryFactory.create(project=ProjectFactory.create(title="Концерты в сёлах"), season=season)
    FairEntryFactory.create(
        project=ProjectFactory.create(title="Черновик о скалолазании"),
        season=season,
        status=FairEntry.Status.SUBMITTED,
    )
    response = client.get("/fair/", {"q": "концэрты"})
    assert response.context["suggestion"] == "концерты"
    assert "Возможно, вы имели в виду" in response.content.decode()
    assert client.get("/fair/", {"q": "скалолазанье"}).context["suggestion"] == ""


def test_the_htmx_request_gets_only_the_results(client: Any, project: Project) -> None:
    response = client.get(
        "/fair/", {"need": "money"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="fair-results"
    )
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="fair-results"')
    assert "<html" not in body


def test_projects_not_accepted_are_not_listed(
    client: Any, draft: Project, season: FairSeason
) -> None:
    FairEntryFactory.create(project=draft, season=season, status=FairEntry.Status.SUBMITTED)
    response = client.get("/fair/")
    assert list(response.context["page"].object_list) == []


def _fill(season: FairSeason, count: int) -> None:
    sphere = make_sphere()
    municipality = make_municipality()
    for _ in range(count):
        project = ProjectFactory.create(covers_whole_region=False)
        project.spheres.add(sphere)
        project.municipalities.add(municipality)
        ProjectNeedFactory.create(project=project)
        ProjectNeedFactory.create(
            project=project, kind=ProjectNeed.Kind.VOLUNTEERS, quantity=5, unit="чел."
        )
        FairEntryFactory.create(project=project, season=season)


@pytest.mark.parametrize("count", [5, 25])
def test_the_fair_page_makes_a_constant_number_of_queries(
    client: Any, season: FairSeason, django_assert_num_queries: Any, count: int
) -> None:
    _fill(season, count)
    client.get("/fair/")  # warm caches (content types, sessions)
    with django_assert_num_queries(11):  # 9, and 2 for how far the cards' needs are covered
        response = client.get("/fair/", {"need": "money"})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == min(count, 12)


def test_the_fair_counts_up_to_its_cap_and_says_more_than_past_it(
    client: Any, season: FairSeason, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nkohub.projects.views import projects as fair_views

    monkeypatch.setattr(fair_views, "FAIR_COUNT_CAP", 3)
    _fill(season, 4)
    response = client.get("/fair/")
    assert "Больше 3 проектов" in response.content.decode()
    assert len(response.context["page"].object_list) == 3


def test_the_fair_gives_the_exact_count_under_its_cap(client: Any, season: FairSeason) -> None:
    _fill(season, 2)
    response = client.get("/fair/")
    assert response.context["page"].paginator.capped is False
    assert response.context["page"].paginator.count == 2


@pytest.mark.parametrize("count", [5, 25])
def test_the_fair_page_from_its_cached_fragments_makes_no_query(
    client: Any, season: FairSeason, django_assert_num_queries: Any, count: int
) -> None:
    _fill(season, count)
    client.get("/fair/")  # renders and caches the season, the filters and the results
    with django_assert_num_queries(0):
        response = client.get("/fair/")
    assert response.content.decode().count('class="card project-card"') == min(count, 12)


def test_a_project_accepted_to_the_fair_appears_in_the_cached_results_at_once(
    client: Any, season: FairSeason
) -> None:
    _fill(season, 1)
    client.get("/fair/")
    FairEntryFactory.create(project=ProjectFactory.create(title="Принят только что"), season=season)
    assert "Принят только что" in client.get("/fair/").content.decode()


def test_a_new_sphere_appears_in_the_cached_filter_form_at_once(
    client: Any, season: FairSeason
) -> None:
    _fill(season, 1)
    client.get("/fair/")
    make_sphere(name="Сфера, добавленная позже")
    assert "Сфера, добавленная позже" in client.get("/fair/").content.decode()
