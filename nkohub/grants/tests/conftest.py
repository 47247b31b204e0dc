import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from nkohub.grants.models import Funder
from nkohub.grants.tests.factories import CompetitionFactory, FunderFactory
from nkohub.organizations.models import Organization, Sphere
from nkohub.projects.models import Project, ProjectTask
from nkohub.territories.models import Municipality
from nkohub.territories.tests.factories import MunicipalityFactory

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CARDS = FIXTURES / "cards"


def load_document(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / "applications" / f"{name}.json").read_text(encoding="utf-8"))


def fund_direction(code: str, name: str, position: int) -> Sphere:
    defaults = {"name": name, "is_fund_direction": True, "position": position}
    return Sphere.objects.update_or_create(code=code, defaults=defaults)[0]


@pytest.fixture
def social(db: Any) -> Sphere:
    name = "Социальное обслуживание, социальная поддержка и защита граждан"
    return fund_direction("social-support", name, 1)


@pytest.fixture
def memory(db: Any) -> Sphere:
    return fund_direction("historical-memory", "Сохранение исторической памяти", 7)


@pytest.fixture
def kaluga(db: Any) -> Any:
    return MunicipalityFactory(name="Калуга")


@pytest.fixture
def obninsk(db: Any) -> Any:
    return MunicipalityFactory(name="Обнинск")


@pytest.fixture
def pfg(db: Any) -> Any:
    return FunderFactory.create()


@pytest.fixture
def competition(pfg: Funder, social: Sphere) -> Any:
    competition: Any = CompetitionFactory.create(funder=pfg, title="Первый конкурс 2027")
    competition.directions.set([social])
    return competition


@pytest.fixture
def project(ngo: Organization, social: Sphere, kaluga: Municipality) -> Project:
    project = Project.objects.create(
        organization=ngo,
        title="Соседи рядом",
        summary="Волонтёры помогают одиноким пожилым людям Калуги.",
        goal="Снизить социальную изоляцию одиноких пожилых жителей Калуги.",
        social_significance="Почти каждый пятый пожилой житель Калуги живёт один.",
        target_groups="Пожилые люди старше 65 лет\nВолонтёры",
        budget_total=Decimal("1830000.00"),
        own_contribution=Decimal("180000.00"),
        cofinancing=Decimal("200000.00"),
    )
    project.spheres.set([social])
    project.municipalities.set([kaluga])
    ProjectTask.objects.create(project=project, position=1, text="Организовать помощь волонтёров.")
    ProjectTask.objects.create(project=project, position=2, text="Провести 40 встреч клуба.")
    return project


def clean_document(kaluga: Municipality, direction_id: int) -> dict[str, Any]:
    doc = load_document("clean")
    doc["municipalities"] = [{"id": kaluga.pk, "name": kaluga.name}]
    doc["direction_id"] = direction_id
    return doc


@pytest.fixture
def application(owner: Any, ngo: Organization, competition: Any, project: Project) -> Any:
    from nkohub.grants import services

    return services.application_start(
        actor=owner, organization=ngo, competition=competition, project=project
    )


@pytest.fixture
def full_application(owner: Any, application: Any, kaluga: Any, social: Sphere) -> Any:
    """The clean application saved as version 2 (budget, plan, team and all)."""
    from nkohub.grants import services

    doc = clean_document(kaluga, social.pk)
    services.application_save(actor=owner, application=application, document=doc, base_version=1)
    application.refresh_from_db()
    return application
