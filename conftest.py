"""Named people shared by every app's tests (see STYLE.md): owner, editor, member, outsider,
official, operator — and the organisations they belong to."""

import os
import uuid
from typing import Any

import pytest

from nkohub.accounts.tests.factories import OperatorFactory, UserFactory
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    django_db_modify_db_settings_parallel_suffix: None, tmp_path_factory: Any
) -> None:
    """On SQLite the test database is a file, not memory: threads (concurrency tests, the live server
    of browser tests) then share it and queue for the write lock as the production set-up does."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        suffix = os.environ.get("PYTEST_XDIST_WORKER", "main")
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("db") / f"test-{suffix}.sqlite3"
        )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings: Any) -> None:
    """Tasks run in the test's own process; the Redis worker is proved by its own test in notifications."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }


@pytest.fixture(autouse=True)
def _fresh_cache(settings: Any) -> Any:
    """Rate limits and cached values must not leak from one test to the next.

    A local-memory cache is cleared; a Redis cache gets a key prefix of its own for the test
    instead, because clearing it would flush the whole Redis database, task queues included.
    """
    from django.core.cache import cache

    from nkohub.core.spelling import forget_vocabularies

    forget_vocabularies()  # the searches' vocabularies, kept in the process
    backend = settings.CACHES["default"]["BACKEND"]
    if backend.endswith("LocMemCache"):
        cache.clear()
        yield
        cache.clear()
    else:
        settings.CACHES = {
            "default": {**settings.CACHES["default"], "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
        }
        yield


@pytest.fixture(autouse=True)
def _media_and_mail(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def ngo(db: Any) -> Organization:
    return OrganizationFactory.create(
        full_name="Автономная некоммерческая организация «Добрые соседи»",
        short_name="АНО «Добрые соседи»",
    )


@pytest.fixture
def other_ngo(db: Any) -> Organization:
    return OrganizationFactory.create(
        full_name="Благотворительный фонд «Другой»", short_name="БФ «Другой»"
    )


@pytest.fixture
def authority(db: Any) -> Organization:
    return OrganizationFactory.create(
        kind=Organization.Kind.AUTHORITY,
        full_name="Министерство труда и социальной защиты Калужской области",
        short_name="Минтруд",
    )


@pytest.fixture
def owner(ngo: Organization) -> Any:
    return MembershipFactory.create(
        organization=ngo, role=Membership.Role.OWNER, user__email="alice@example.org"
    ).user


@pytest.fixture
def editor(ngo: Organization) -> Any:
    return MembershipFactory.create(
        organization=ngo, role=Membership.Role.EDITOR, user__email="bob@example.org"
    ).user


@pytest.fixture
def member(ngo: Organization) -> Any:
    return MembershipFactory.create(
        organization=ngo, role=Membership.Role.MEMBER, user__email="mila@example.org"
    ).user


@pytest.fixture
def outsider(db: Any) -> Any:
    return UserFactory.create(email="charlie@example.org")


@pytest.fixture
def official(authority: Organization) -> Any:
    return MembershipFactory.create(
        organization=authority, role=Membership.Role.EDITOR, user__email="olga@example.org"
    ).user


@pytest.fixture
def operator(db: Any) -> Any:
    return OperatorFactory.create(email="operator@example.org")
