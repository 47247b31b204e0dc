import io
from typing import Any, cast

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from nkohub.organizations import reference
from nkohub.organizations.models import Organization, Sphere
from nkohub.organizations.search import search_text_for
from nkohub.organizations.tests.factories import OrganizationFactory
from nkohub.territories.tests.factories import MunicipalityFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def reference_data(db: Any) -> None:
    reference.load()


@pytest.fixture
def kaluga(db: Any) -> Any:
    return MunicipalityFactory(name="Калуга", kind="city_district")


@pytest.fixture
def obninsk(db: Any) -> Any:
    return MunicipalityFactory(name="Обнинск", kind="city_district")


@pytest.fixture
def pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("prikaz.pdf", PDF_BYTES, content_type="application/pdf")


def make_org(**kwargs: Any) -> Organization:
    spheres = kwargs.pop("spheres", [])
    organization = cast(Organization, OrganizationFactory(**kwargs))
    organization.search_text = search_text_for(
        organization.full_name,
        organization.short_name,
        organization.description,
        organization.inn or "",
        organization.ogrn or "",
    )
    organization.save(update_fields=["search_text"])
    if spheres:
        organization.spheres.set(Sphere.objects.filter(code__in=spheres))
    return organization


@pytest.fixture
def corpus(reference_data: None, kaluga: Any, obninsk: Any) -> dict[str, Organization]:
    """A small registry where Russian search has something to find and to miss."""
    return {
        "education": make_org(
            full_name="Автономная некоммерческая организация «Знание»",
            short_name="АНО «Знание»",
            description="Дополнительное образование детей и проекты для школьников сельских школ.",
            municipality=obninsk,
            spheres=["education"],
        ),
        "charity": make_org(
            full_name="Благотворительный фонд «Милосердие»",
            short_name="БФ «Милосердие»",
            description="Помощь пожилым людям и семьям в трудной жизненной ситуации.",
            municipality=kaluga,
            spheres=["social-support"],
            is_verified=True,
        ),
        "sport": make_org(
            full_name="Общественная организация «Спортивный клуб Старт»",
            short_name="ОО «Старт»",
            description="Секции лыжных гонок и футбола для детей.",
            municipality=kaluga,
            spheres=["sport"],
        ),
        "authority": make_org(
            kind=Organization.Kind.AUTHORITY,
            full_name="Министерство образования и науки Калужской области",
            short_name="Минобрнауки",
            description="Региональный орган власти.",
            municipality=kaluga,
            legal_form=None,
        ),
    }


def csv_bytes(lines: list[str], *, encoding: str = "utf-8", delimiter: str = ";") -> io.BytesIO:
    text = "\n".join(line.replace(";", delimiter) for line in lines) + "\n"
    return io.BytesIO(text.encode(encoding))


@pytest.fixture
def territory_reference(db: Any) -> None:
    """The shipped regions and municipalities (Kaluga's and Smolensk's districts with their
    administrative centres), as a deployment loads them."""
    from nkohub.territories.services import territories_load_reference

    territories_load_reference()
