"""Every write as every wrong role (issue 22, item 9): each URL pattern whose view accepts POST is posted to
by a guest and by a logged-in person of no organisation, with its path filled from a small set of objects
(an organisation with its owner, a project, an event, an appeal, an offer, a course with a lesson, a news
item, an idea, a competition, a consultation question, a volunteer call, a notification of someone else).

A guest must be sent to log in or refused (401/403/404/405/400), never get a 200 or a redirect elsewhere;
the person of no organisation must be refused (400/403/404/405) — and for both, no row of any model may
change in number. The patterns left out are listed in SKIPPED with the reason; the list of patterns comes
from scripts/urls_inventory.py, the same reading of the URLconf as docs/urls.md."""

import re
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import reverse

from nkohub.accounts.tests.factories import UserFactory
from nkohub.consultations.tests.factories import QuestionFactory
from nkohub.events.tests.factories import EventFactory
from nkohub.grants.tests.factories import ApplicationFactory, CompetitionFactory
from nkohub.ideas.tests.factories import IdeaFactory
from nkohub.learning.tests.factories import CourseFactory, LessonFactory, ModuleFactory
from nkohub.news.tests.factories import NewsItemFactory
from nkohub.notifications.tests.factories import make_notification
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.tests.factories import MembershipFactory
from nkohub.projects.tests.factories import ProjectFactory
from nkohub.reception import services as reception_services
from nkohub.resources.tests.factories import OfferFactory
from nkohub.volunteering.tests.factories import VolunteerCallFactory

from .scripts import load_script

# Every pattern that accepts POST is posted to; these lists say why a pattern is answered otherwise.

pytestmark = pytest.mark.django_db

# Patterns a guest or a person of no organisation may use on purpose, or that are not the platform's own.
PERSONAL = "a person of no organisation may do this with their own data"
SKIPPED: dict[str, str] = {
    "admin:*": "Django's admin: staff sessions only, tested by Django (operators' rights: accounts tests)",
    "—": "the API's catch-all answers 404 in JSON to any method",
}
# allauth's own pages: logging in, signing up and resetting a password are for guests by design.
GUEST_BY_DESIGN = re.compile(r"^account_|^socialaccount_|^mfa_|^usersessions_|^headless")
# Pages that only read and have no method decorator: any method shows them (200), nothing changes.
READS_ANY_METHOD = {
    "core:cabinet",
    "accounts:privacy",
    "resources:mine",
    "volunteering:mine",
    "news:rss",
    "news:atom",
    "news:org_rss",
    "news:org_atom",
    "news:coalition_rss",
    "news:coalition_atom",
    "news:sphere_rss",
    "news:sphere_atom",
    "api-v1:openapi-json",
    "api-v1:openapi-view",
}
# What a person of no organisation may write for themselves (a guest is still refused every one).
PERSONAL_WRITES: dict[str, str] = {
    "accounts:profile": "their own profile",
    "accounts:delete_account": "deleting their own account (the form asks to confirm)",
    "notifications:mark_all_read": "their own inbox",
    "notifications:preferences": "their own notification settings",
    "notifications:send_test": "a test e-mail to themselves",
    "organizations:claim": "anyone may claim to act for an organisation (an operator decides)",
    "organizations:register": "anyone may register a new organisation (an operator decides)",
    "reception:appeal_create": "a citizen writes an appeal in their own name",
    "ideas:propose": "a citizen proposes an idea",
    "ideas:support": "a citizen supports an idea",
    "volunteering:respond": "a person answers a volunteer call",
    "learning:enrol": "a person enrols in an open course",
    "grants:competition_follow": "a person follows a competition's deadlines",
    "consultations:ask": "a person asks the experts a question",
    "events:register": "a person registers for a public event",
    "events:feed_reset": "their own calendar feed's address",
    "api:tokens": "the page of their tokens (issuing one needs an organisation: the form says so)",
    "api:webhooks": "the page of their webhooks (adding one needs an organisation: the form says so)",
    "resources:offer_create": "the form says an offer needs an organisation, nothing is stored",
    "resources:request_create": "the page says a request needs an organisation, nothing is stored",
    "resources:offer_book": "the page says a booking needs an organisation, nothing is stored",
}
# Refusals shown as a message on the page the view goes back to (302), with nothing changed.
REFUSED_WITH_MESSAGE: dict[str, str] = {
    "ideas:withdraw": "only the author withdraws an idea; others are told so on the idea's page",
}

GUEST_OK = {400, 401, 403, 404, 405}
OUTSIDER_OK = {400, 401, 403, 404, 405}


def _routes() -> list[Any]:
    inventory = load_script("urls_inventory")
    return [r for r in inventory.inventory() if r.accepts_post]


ROUTES = _routes()


def _world() -> dict[str, Any]:
    """One object of each main kind, whose ids fill the patterns' parameters."""
    owner = UserFactory.create(email="owner@example.org")
    membership = MembershipFactory.create(user=owner, role=Membership.Role.OWNER)
    ngo: Organization = membership.organization
    authority = MembershipFactory.create(
        role=Membership.Role.EDITOR, organization__kind=Organization.Kind.AUTHORITY
    ).organization
    project = ProjectFactory.create(organization=ngo, created_by=owner)
    event = EventFactory.create(organizer=ngo)
    offer = OfferFactory.create(organization=ngo)
    course = CourseFactory.create()
    module = ModuleFactory.create(course=course)
    lesson = LessonFactory.create(module=module)
    news = NewsItemFactory.create(organization=ngo)
    idea = IdeaFactory.create(author=owner)
    competition = CompetitionFactory.create()
    application = ApplicationFactory.create(competition=competition, organization=ngo)
    question = QuestionFactory.create()
    call = VolunteerCallFactory.create(organization=ngo)
    notification = make_notification(recipient=owner)
    appeal, _created = reception_services.appeal_create(
        actor=owner,
        authority=authority,
        organization=ngo,
        subject="Компенсация за социальные услуги",
        text="Просим разъяснить порядок получения компенсации.",
        submit=True,
    )
    pk_by_namespace = {
        "organizations": ngo.pk,
        "projects": project.pk,
        "events": event.pk,
        "resources": offer.pk,
        "learning": lesson.pk,
        "news": news.pk,
        "ideas": idea.pk,
        "grants": application.pk,
        "consultations": question.pk,
        "volunteering": call.pk,
        "notifications": notification.pk,
        "reception": appeal.pk,
    }
    return {
        "pk_by_namespace": pk_by_namespace,
        "slug": course.slug,
        "module_pk": module.pk,
        "membership_pk": membership.pk,
        "organization_pk": ngo.pk,
    }


def _path(route: Any, world: dict[str, Any]) -> str:
    namespace = route.name.split(":", 1)[0] if ":" in route.name else ""
    pk = world["pk_by_namespace"].get(namespace, world["organization_pk"])
    kwargs: dict[str, Any] = {}
    for converter, name in re.findall(r"<(?:(\w+):)?(\w+)>", route.route):
        if converter == "int":
            kwargs[name] = {
                "membership_pk": world["membership_pk"],
                "org_pk": world["organization_pk"],
                "organization_pk": world["organization_pk"],
                "module_pk": world["module_pk"],
            }.get(name, pk)
        elif converter == "slug":
            kwargs[name] = {
                "action": "register" if namespace == "reception" else "pause",
            }.get(name, world["slug"] if namespace == "learning" else "x")
        elif converter == "export":
            kwargs[name] = "pdf"
        else:
            kwargs[name] = "x"
    return reverse(route.name, kwargs=kwargs)


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


def _changed(before: dict[str, int], after: dict[str, int]) -> dict[str, tuple[int, int]]:
    ignored = {"sessions.Session"}
    return {
        label: (before[label], after[label])
        for label in before
        if label not in ignored and before[label] != after[label]
    }


def _sent_to_login(response: Any) -> bool:
    location = response.headers.get("Location", "")
    return response.status_code == 302 and location.startswith(reverse(settings.LOGIN_URL))


def _cases() -> list[Any]:
    cases = []
    for route in ROUTES:
        reason = SKIPPED.get(route.name) or (
            "allauth: a guest's own pages (login, sign-up, password)"
            if GUEST_BY_DESIGN.match(route.name)
            else ""
        )
        marks = [pytest.mark.skip(reason=reason)] if reason else []
        cases.append(pytest.param(route, id=route.name, marks=marks))
    return cases


def test_the_walk_sees_the_writes_of_every_app() -> None:
    namespaces = {r.name.split(":", 1)[0] for r in ROUTES if ":" in r.name}
    for app in ("organizations", "reception", "events", "learning", "grants", "projects"):
        assert app in namespaces
    assert len(ROUTES) > 150


@pytest.mark.parametrize("route", _cases())
def test_a_wrong_role_cannot_write(route: Any) -> None:
    world = _world()
    path = _path(route, world)
    client = Client()

    before = _row_counts()
    response = client.post(path, {})
    after = _row_counts()
    assert not _changed(before, after), f"a guest changed rows with POST {path}"
    read = route.name in READS_ANY_METHOD and response.status_code == 200
    assert response.status_code in GUEST_OK or _sent_to_login(response) or read, (
        f"a guest got {response.status_code} for POST {path} "
        f"(Location: {response.headers.get('Location', '')})"
    )

    if route.name in PERSONAL_WRITES:
        return
    outsider = UserFactory.create(email="nobody@example.org")
    client.force_login(outsider)
    before = _row_counts()
    response = client.post(path, {})
    after = _row_counts()
    assert not _changed(before, after), f"a person of no organisation changed rows: POST {path}"
    allowed = set(OUTSIDER_OK)
    if route.name in READS_ANY_METHOD:
        allowed.add(200)
    if route.name in REFUSED_WITH_MESSAGE:
        allowed.add(302)
    assert response.status_code in allowed, (
        f"a person of no organisation got {response.status_code} for POST {path}"
    )
