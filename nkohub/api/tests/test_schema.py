"""The OpenAPI schema validates, the docs page serves Swagger UI from our own static files, and
schemathesis, fuzzing every operation with a bounded number of examples, finds no server error
and no response that departs from the schema."""

import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from nkohub.api.models import Scope
from nkohub.api.tests.factories import make_token
from nkohub.api.v1 import api
from nkohub.consultations.tests.factories import article
from nkohub.events.tests.factories import EventFactory
from nkohub.grants.tests.factories import CompetitionFactory
from nkohub.ideas.tests.factories import IdeaFactory
from nkohub.learning.tests.factories import CourseFactory, MaterialFactory
from nkohub.news.tests.factories import NewsItemFactory
from nkohub.projects.tests.factories import FairEntryFactory
from nkohub.resources.tests.factories import OfferFactory

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_the_schema_is_valid_openapi_3_1() -> None:
    schema = api.get_openapi_schema()
    validate(schema)  # raises on any departure from the specification
    assert schema["openapi"].startswith("3.1")


def test_every_error_is_documented_as_a_problem() -> None:
    schema = api.get_openapi_schema()
    types = {
        next(iter(response["content"]))
        for operations in schema["paths"].values()
        for operation in operations.values()
        for code, response in operation["responses"].items()
        if int(code) >= 400
    }
    assert types == {"application/problem+json"}


@pytest.mark.django_db
def test_the_docs_page_loads_swagger_ui_from_our_own_static_files(client: Any) -> None:
    page = client.get("/api/v1/docs").content.decode()
    assert ("/static/swagger-ui/swagger-ui-bundle.js" in page, "cdn" in page.lower()) == (
        True,
        False,
    )


@pytest.fixture
def key(db: Any, settings: Any, owner: Any, ngo: Any) -> str:
    """Data for every list, and a token of the owner so that writes are exercised too."""
    settings.API_RATE_LIMIT_ADDRESS = settings.API_RATE_LIMIT_TOKEN = 100_000
    OfferFactory.create(organization=ngo)
    FairEntryFactory.create()
    CompetitionFactory.create()
    CourseFactory.create()
    EventFactory.create(organizer=ngo)
    NewsItemFactory.create(organization=ngo)
    IdeaFactory.create()
    article(title="Как вести учёт пожертвований")
    MaterialFactory.create()
    return make_token(owner, ngo, list(Scope.values))[1]


@pytest.fixture
def _keep_connection(db: Any) -> Iterator[None]:
    """The WSGI application's requests must keep the test's database connection (the test client
    does the same): Django closes it at the end of each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# From the schema itself; the requests go to the real WSGI application in this process.
fuzzed = schemathesis.openapi.from_dict(json.loads(json.dumps(api.get_openapi_schema())))
fuzzed.app = get_wsgi_application()
# NUL bytes too: the API's middleware refuses them with a 400 problem (documented on every operation)
fuzzed.config.generation.update(allow_x00=True, deterministic=True)


@fuzzed.parametrize()
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.usefixtures("_keep_connection")
def test_the_api_keeps_to_its_schema(case: Any, key: str) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {key}"}, checks=CHECKS)
