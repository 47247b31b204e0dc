"""Factories of the competitions app. `SubmissionFactory` makes a submission straight in the
database (an application and a frozen version of it), for lists that need many rows; the
services make them in the tests of the flows."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from nkohub.accounts.tests.factories import UserFactory
from nkohub.competitions.models import Assignment, Call, Criterion, Submission
from nkohub.grants.models import ApplicationVersion
from nkohub.grants.tests.factories import ApplicationFactory
from nkohub.organizations.models import Organization
from nkohub.organizations.tests.factories import OrganizationFactory


class CallFactory(factory.django.DjangoModelFactory[Call]):
    class Meta:
        model = Call

    organization = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.AUTHORITY)
    title = factory.Sequence(lambda n: f"Субсидии СО НКО №{n}")
    applications_open_on = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=5)
    )
    applications_close_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=20)
    )
    implementation_starts_from = datetime.date(2027, 1, 1)
    implementation_ends_by = datetime.date(2028, 12, 31)
    min_amount = Decimal("100000.00")
    max_amount = Decimal("3000000.00")
    cofinancing_min_percent = Decimal("10")
    status = Call.Status.PUBLISHED


class CriterionFactory(factory.django.DjangoModelFactory[Criterion]):
    class Meta:
        model = Criterion

    call = factory.SubFactory(CallFactory)
    position = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Критерий {n}")
    max_score = 10


class SubmissionFactory(factory.django.DjangoModelFactory[Submission]):
    class Meta:
        model = Submission

    call = factory.SubFactory(CallFactory)
    organization = factory.SubFactory(OrganizationFactory)
    application = factory.LazyAttribute(
        lambda s: ApplicationFactory.create(organization=s.organization, competition=None)
    )
    version = factory.LazyAttribute(
        lambda s: ApplicationVersion.objects.create(
            application=s.application,
            number=1,
            snapshot={"title": s.application.title, "plan_events": [], "budget_items": []},
        )
    )
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Проект №{n}")
    requested_amount = Decimal("1000000.00")
    submitted_at = factory.LazyFunction(timezone.now)


class AssignmentFactory(factory.django.DjangoModelFactory[Assignment]):
    class Meta:
        model = Assignment

    submission = factory.SubFactory(SubmissionFactory)
    expert = factory.SubFactory(UserFactory, password=None)
