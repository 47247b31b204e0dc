"""Fixtures of the reception's tests: a second authority with its official, topics, and appeals in any state.

The tests use a file SQLite database so that the threads of the concurrency test share it (an in-memory
database in shared-cache mode fails concurrent writers at once instead of queueing them)."""

from collections.abc import Callable
from datetime import date
from typing import Any, cast

import pytest

from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory
from nkohub.reception import services
from nkohub.reception.models import Appeal, Topic
from nkohub.reception.tests.clock import at


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix: None, tmp_path_factory: Any
) -> None:
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("reception-db") / "test.sqlite3"
        )


@pytest.fixture
def other_authority(db: Any) -> Organization:
    authority = OrganizationFactory(
        kind=Organization.Kind.AUTHORITY,
        full_name="Городская Управа города Калуги",
        short_name="Управа г. Калуги",
    )
    return cast(Organization, authority)


@pytest.fixture
def other_official(other_authority: Organization) -> Any:
    return MembershipFactory(
        organization=other_authority, role=Membership.Role.EDITOR, user__email="pavel@example.org"
    ).user


@pytest.fixture
def colleague(authority: Organization) -> Any:
    return MembershipFactory(
        organization=authority, role=Membership.Role.EDITOR, user__email="irina@example.org"
    ).user


@pytest.fixture
def topic(authority: Organization) -> Topic:
    return Topic.objects.create(authority=authority, name="Социальное обслуживание")


@pytest.fixture
def make_appeal(
    editor: Any, ngo: Organization, authority: Organization, official: Any
) -> Callable[..., Appeal]:
    """make_appeal(status="answered", registered_on=date(...)) walks an appeal of the NGO's editor through
    the services up to `status`."""

    def make(
        status: str = Appeal.Status.SUBMITTED,
        *,
        author: Any = None,
        organization: Organization | None = None,
        to: Organization | None = None,
        by: Any = None,
        registered_on: date | None = None,
        subject: str = "Компенсация за социальные услуги",
        publish: bool = False,
        topic: Topic | None = None,
    ) -> Appeal:
        author = author or editor
        appeal, _ = services.appeal_create(
            actor=author,
            authority=to or authority,
            organization=organization
            if organization is not None
            else (ngo if author == editor else None),
            subject=subject,
            text="Просим разъяснить порядок получения компенсации за оказанные социальные услуги.",
            publish_consent=publish,
            topic=topic,
            submit=status != Appeal.Status.DRAFT,
        )
        if status in (Appeal.Status.DRAFT, Appeal.Status.SUBMITTED):
            return appeal
        official_ = by or official
        services.appeal_register(actor=official_, appeal=appeal, registered_on=registered_on)
        if status == Appeal.Status.IN_WORK:
            services.appeal_assign(actor=official_, appeal=appeal, assignee=official_)
        elif status == Appeal.Status.ANSWERED:
            services.appeal_answer(
                actor=official_, appeal=appeal, text="Компенсация выплачивается по заявлению."
            )
        elif status == Appeal.Status.CLOSED:
            services.appeal_close(
                actor=official_,
                appeal=appeal,
                ground=Appeal.NoAnswerGround.UNCLEAR,
                note="Суть неясна.",
            )
        appeal.refresh_from_db()
        return appeal

    return make


@pytest.fixture
def sent_on_new_years_eve(make_appeal: Callable[..., Appeal]) -> Appeal:
    """The NGO editor's appeal, sent on 31 December 2026 (a day off): to be registered by 11.01.2027."""
    with at("2026-12-31"):
        return make_appeal(Appeal.Status.SUBMITTED)
