"""The front page: every block live from its app, cached, refreshed on write, empty-state aware."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from nkohub.core import home
from nkohub.grants.models import Competition
from nkohub.grants.tests.factories import CompetitionFactory
from nkohub.organizations.models import Organization
from nkohub.organizations.tests.factories import OrganizationFactory
from nkohub.projects.models import FairEntry, Pledge
from nkohub.projects.tests.factories import (
    FairEntryFactory,
    FairSeasonFactory,
    ProjectFactory,
    ProjectNeedFactory,
)
from nkohub.reception.models import Appeal
from nkohub.resources.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> datetime.date:
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: TODAY)
    return TODAY


def _answered_appeal(authority: Organization, subject: str, *, answered: datetime.date) -> Appeal:
    return Appeal.objects.create(
        authority=authority,
        subject=subject,
        text="Текст обращения.",
        status=Appeal.Status.ANSWERED,
        publish_consent=True,
        submitted_at=timezone.make_aware(
            datetime.datetime.combine(answered - datetime.timedelta(days=13), datetime.time(10))
        ),
        registered_on=answered - datetime.timedelta(days=12),
        answer_due=answered + datetime.timedelta(days=18),
        answered_on=answered,
        answer_text="Ответ по существу.",
    )


def _fill(count: int, *, authority: Organization, ngo: Organization) -> None:
    """`count` of everything the front page shows, as a region has it."""
    season = FairSeasonFactory.create(
        submissions_open_on=TODAY - datetime.timedelta(days=60),
        submissions_close_on=TODAY + datetime.timedelta(days=9),
        starts_on=TODAY - datetime.timedelta(days=14),
        ends_on=TODAY + datetime.timedelta(days=19),
    )
    for n in range(count):
        CompetitionFactory.create(
            title=f"Конкурс малых грантов №{n}",
            applications_open_on=TODAY - datetime.timedelta(days=20),
            applications_close_on=TODAY + datetime.timedelta(days=3 + n),
        )
        project = ProjectFactory.create(organization=ngo, title=f"Проект №{n}")
        ProjectNeedFactory.create(project=project)
        FairEntryFactory.create(project=project, season=season, status=FairEntry.Status.ACCEPTED)
        _answered_appeal(authority, f"Вопрос №{n}", answered=TODAY - datetime.timedelta(days=n))
        OfferFactory.create(organization=ngo, title=f"Предложение №{n}")
        OrganizationFactory.create()


def _page(client: Any) -> str:
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return str(response.content.decode())


def test_open_competitions_show_the_days_left(client: Any, today: datetime.date) -> None:
    CompetitionFactory.create(
        title="Конкурс ПФКИ", applications_close_on=TODAY + datetime.timedelta(days=5)
    )
    CompetitionFactory.create(
        title="Закрытый конкурс",
        applications_open_on=TODAY - datetime.timedelta(days=40),
        applications_close_on=TODAY - datetime.timedelta(days=1),
    )
    content = _page(client)
    assert "Конкурс ПФКИ" in content
    assert "осталось <strong>5</strong> дней" in content
    assert "Закрытый конкурс" not in content


def test_a_competition_closing_today_says_it_is_the_last_day(
    client: Any, today: datetime.date
) -> None:
    CompetitionFactory.create(title="Конкурс ПФКИ", applications_close_on=TODAY)
    assert "последний день" in _page(client)


def test_fair_projects_show_their_cover_and_how_far_their_needs_are_covered(
    client: Any, today: datetime.date, ngo: Organization, outsider: Any
) -> None:
    project = ProjectFactory.create(organization=ngo, title="Тёплый дом")
    need = ProjectNeedFactory.create(project=project, quantity=Decimal("1000"))
    ProjectNeedFactory.create(project=project, quantity=Decimal("10"), unit="чел.")
    Pledge.objects.create(
        project=project,
        need=need,
        pledged_by=outsider,
        kind=Pledge.Kind.MONEY,
        amount=Decimal("500"),
        status=Pledge.Status.ACCEPTED,
    )
    FairEntryFactory.create(project=project, status=FairEntry.Status.ACCEPTED)
    Competition.objects.all().delete()
    content = _page(client)
    assert "Тёплый дом" in content
    assert "Потребности закрыты на 25\u00a0%" in content  # half of one need, none of the other
    assert 'value="25"' in content
    assert "cover-placeholder" in content  # no cover uploaded: the drawn placeholder


def test_a_project_not_accepted_to_the_fair_is_not_shown(
    client: Any, today: datetime.date, ngo: Organization
) -> None:
    project = ProjectFactory.create(organization=ngo, title="Черновик проекта")
    FairEntryFactory.create(project=project, status=FairEntry.Status.SUBMITTED)
    assert "Черновик проекта" not in _page(client)


def test_the_latest_published_answers_show_with_their_authority(
    client: Any, today: datetime.date, authority: Organization
) -> None:
    _answered_appeal(authority, "Пандус у входа", answered=TODAY - datetime.timedelta(days=2))
    private = _answered_appeal(authority, "Личный вопрос", answered=TODAY)
    Appeal.objects.filter(pk=private.pk).update(publish_consent=False)
    home.refresh_all()  # not cache.clear(): on Redis it would flush the whole database
    content = _page(client)
    assert "Пандус у входа" in content
    assert "Минтруд" in content
    assert "за 12 дней" in content
    assert "Личный вопрос" not in content


def test_the_newest_offers_of_the_resource_bank_show(
    client: Any, today: datetime.date, ngo: Organization
) -> None:
    OfferFactory.create(organization=ngo, title="Зал на 40 человек")
    assert "Зал на 40 человек" in _page(client)


def test_coming_up_lists_deadlines_in_date_order(client: Any, today: datetime.date) -> None:
    CompetitionFactory.create(
        title="Конкурс, который скоро откроется",
        applications_open_on=TODAY + datetime.timedelta(days=10),
        applications_close_on=TODAY + datetime.timedelta(days=70),
    )
    CompetitionFactory.create(
        title="Конкурс, который скоро закроется",
        applications_close_on=TODAY + datetime.timedelta(days=2),
    )
    content = _page(client)
    section = content[content.index("Ближайшие даты") :]
    closing = section.index("Конкурс, который скоро закроется")
    opening = section.index("Конкурс, который скоро откроется")
    assert closing < opening
    assert "последний день приёма заявок" in section
    assert "начинается приём заявок" in section


def test_the_region_in_figures_counts_published_ngos(client: Any, today: datetime.date) -> None:
    OrganizationFactory.create_batch(3)
    OrganizationFactory.create(is_published=False)
    OrganizationFactory.create(kind=Organization.Kind.BUSINESS)
    content = _page(client)
    figures = content[content.index("Регион в цифрах") :]
    assert "НКО в реестре" in figures
    assert "<dd>3</dd>" in figures


def test_every_block_says_so_when_it_has_nothing(client: Any, today: datetime.date) -> None:
    content = _page(client)
    assert "Сейчас ни один конкурс не принимает заявки" in content
    assert "На ярмарке пока нет проектов" in content
    assert "Опубликованных ответов пока нет" in content
    assert "В ближайшие недели дат нет" in content


@pytest.mark.parametrize("count", [2, 12])
def test_the_front_page_makes_a_constant_number_of_queries_cold_and_none_warm(
    client: Any,
    today: datetime.date,
    authority: Organization,
    ngo: Organization,
    django_assert_num_queries: Any,
    count: int,
) -> None:
    _fill(count, authority=authority, ngo=ngo)
    home.refresh_all()  # not cache.clear(): on Redis it would flush the whole database
    # six figures, three for competitions, two for the dates, six for the fair's cards (with how
    # far their needs are covered), one for the answers, one for the offers
    with django_assert_num_queries(18):
        _page(client)
    with django_assert_num_queries(0):
        content = _page(client)
    assert "Конкурс малых грантов №0" in content


def test_a_new_competition_shows_at_once(
    client: Any, today: datetime.date, django_capture_on_commit_callbacks: Any
) -> None:
    assert "Новый конкурс" not in _page(client)
    with django_capture_on_commit_callbacks(execute=True):
        CompetitionFactory.create(title="Новый конкурс")
    assert "Новый конкурс" in _page(client)


def test_a_cached_block_is_kept_until_a_write_it_depends_on(
    client: Any, today: datetime.date, django_capture_on_commit_callbacks: Any
) -> None:
    competition = CompetitionFactory.create(title="Старое название")
    _page(client)
    # queryset.update() sends no signal: the block stays as cached (until HOME_CACHE_SECONDS)
    Competition.objects.filter(pk=competition.pk).update(title="Без сигнала")
    assert "Старое название" in _page(client)
    competition.title = "Новое название"
    with django_capture_on_commit_callbacks(execute=True):
        competition.save()
    assert "Новое название" in _page(client)


def test_a_write_refreshes_the_block_only_when_its_transaction_commits(
    client: Any, today: datetime.date, django_capture_on_commit_callbacks: Any
) -> None:
    _page(client)
    version = cache.get("home:grants.competitions:version")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        CompetitionFactory.create(title="Конкурс в транзакции")
        assert cache.get("home:grants.competitions:version") == version
    assert callbacks
    assert cache.get("home:grants.competitions:version") != version


def test_days_left_roll_over_at_midnight(client: Any) -> None:
    CompetitionFactory.create(
        title="Конкурс ПФКИ",
        applications_open_on=TODAY - datetime.timedelta(days=5),
        applications_close_on=TODAY + datetime.timedelta(days=5),
    )
    first = "".join(home.rendered_blocks(today=TODAY))
    second = "".join(home.rendered_blocks(today=TODAY + datetime.timedelta(days=1)))
    assert "осталось <strong>5</strong> дней" in first
    assert "осталось <strong>4</strong> дня" in second


def test_the_blocks_are_the_same_for_everyone(
    client: Any, today: datetime.date, operator: Any, ngo: Organization
) -> None:
    OfferFactory.create(organization=ngo, title="Зал на 40 человек")
    guest = home.rendered_blocks()
    client.force_login(operator)
    content = _page(client)
    assert all(block in content for block in guest)
    assert operator.email not in "".join(guest)


def test_the_front_page_answers_when_the_cache_is_down(
    client: Any, today: datetime.date, monkeypatch: pytest.MonkeyPatch
) -> None:
    CompetitionFactory.create(title="Конкурс ПФКИ")

    class DeadCache:
        def __getattr__(self, name: str) -> Any:
            def broken(*args: Any, **kwargs: Any) -> Any:
                raise ConnectionError("Redis is down")

            return broken

    monkeypatch.setattr(home, "cache", DeadCache())
    assert "Конкурс ПФКИ" in _page(client)
