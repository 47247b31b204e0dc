"""The people and things of a call: the ministry (authority) runs a published call with three
criteria; its editor `official` runs it, `clerk` is a plain member; the NGO's owner submits the
clean application from the builder; experts are consultations' experts."""

import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from nkohub.competitions import services
from nkohub.competitions.models import Call, Submission
from nkohub.consultations.tests.factories import ExpertFactory
from nkohub.grants import services as grants_services
from nkohub.grants.models import Application
from nkohub.grants.tests.conftest import clean_document, fund_direction
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.tests.factories import MembershipFactory
from nkohub.territories.tests.factories import MunicipalityFactory


@pytest.fixture
def social(db: Any) -> Any:
    return fund_direction(
        "social-support", "Социальное обслуживание, социальная поддержка и защита граждан", 1
    )


@pytest.fixture
def kaluga(db: Any) -> Any:
    return MunicipalityFactory(name="Калуга")


@pytest.fixture
def clerk(authority: Organization) -> Any:
    return MembershipFactory.create(
        organization=authority, role=Membership.Role.MEMBER, user__email="clara@example.org"
    ).user


def make_call(official: Any, authority: Organization, social: Any, **fields: Any) -> Call:
    today = timezone.localdate()
    data: dict[str, Any] = {
        "title": "Субсидии социально ориентированным НКО 2027",
        "description": "Конкурс министерства на субсидии СО НКО.",
        "applications_open_on": today - datetime.timedelta(days=5),
        "applications_close_on": today + datetime.timedelta(days=20),
        "implementation_starts_from": datetime.date(2027, 1, 1),
        "implementation_ends_by": datetime.date(2028, 12, 31),
        "min_amount": Decimal("100000"),
        "max_amount": Decimal("3000000"),
        "cofinancing_min_percent": Decimal("10"),
        "score_gap": Decimal("20"),
        **fields,
    }
    call = services.call_save(
        actor=official, call=Call(organization=authority, **data), directions=[social]
    )
    services.call_set_criteria(
        actor=official,
        call=call,
        criteria=[
            {"name": "Актуальность", "weight": Decimal("2"), "max_score": 10},
            {"name": "Реализуемость", "weight": Decimal("1"), "max_score": 10},
            {"name": "Бюджет", "weight": Decimal("1"), "max_score": 5},
        ],
    )
    return services.call_publish(actor=official, call=call)


@pytest.fixture
def call(official: Any, authority: Organization, social: Any) -> Call:
    return make_call(official, authority, social)


@pytest.fixture
def application(owner: Any, ngo: Organization, call: Call, kaluga: Any, social: Any) -> Application:
    ngo.website = "https://dobrye-sosedi.example.org"
    ngo.save()
    assert call.competition is not None
    application = grants_services.application_start(
        actor=owner, organization=ngo, competition=call.competition
    )
    grants_services.application_save(
        actor=owner,
        application=application,
        document=clean_document(kaluga, social.pk),
        base_version=application.version,
    )
    application.refresh_from_db()
    return application


@pytest.fixture
def submission(owner: Any, application: Application) -> Submission:
    return services.submission_submit(actor=owner, application=application)


@pytest.fixture
def experts(db: Any) -> list[Any]:
    return [
        ExpertFactory.create(
            user__email=f"expert{n}@example.org", user__full_name=f"Эксперт {n}"
        ).user
        for n in (1, 2, 3)
    ]
