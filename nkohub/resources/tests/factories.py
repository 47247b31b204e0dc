import datetime as dt

import factory
from django.utils import timezone

from nkohub.accounts.tests.factories import UserFactory
from nkohub.organizations.tests.factories import OrganizationFactory
from nkohub.resources.models import (
    AvailabilityRule,
    Booking,
    Category,
    ResourceOffer,
    ResourceRequest,
    Terms,
)
from nkohub.territories.tests.factories import MunicipalityFactory


class OfferFactory(factory.django.DjangoModelFactory[ResourceOffer]):
    class Meta:
        model = ResourceOffer
        skip_postgeneration_save = True

    organization = factory.SubFactory(OrganizationFactory)
    created_by = factory.SubFactory(UserFactory, password=None)  # no slow hashing for bystanders
    category = Category.PREMISES
    title = factory.Sequence(lambda n: f"Зал для мероприятий №{n}")
    description = "Светлый зал со стульями и проектором для семинаров и встреч."
    municipality = factory.SubFactory(MunicipalityFactory)
    terms = Terms.FREE
    status = ResourceOffer.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def all_week(
        obj: ResourceOffer, create: bool, extracted: bool | None, **kwargs: object
    ) -> None:
        """Bookable offers are open every day 08:00–22:00 unless all_week=False."""
        if create and extracted is not False and obj.is_bookable:
            AvailabilityRule.objects.bulk_create(
                AvailabilityRule(
                    offer=obj, weekday=day, start_time=dt.time(8), end_time=dt.time(22)
                )
                for day in range(7)
            )
            obj.weekdays = 0b1111111
            ResourceOffer.objects.filter(pk=obj.pk).update(weekdays=obj.weekdays)


class RequestFactory(factory.django.DjangoModelFactory[ResourceRequest]):
    class Meta:
        model = ResourceRequest

    organization = factory.SubFactory(OrganizationFactory)
    created_by = factory.SubFactory(UserFactory, password=None)  # no slow hashing for bystanders
    category = Category.PREMISES
    title = factory.Sequence(lambda n: f"Нужен зал для семинара №{n}")
    purpose = "Проводим семинар для волонтёров, нужен зал с проектором."
    municipality = factory.SubFactory(MunicipalityFactory)
    needed_from = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=3))
    needed_until = factory.LazyAttribute(lambda o: o.needed_from + dt.timedelta(days=7))


def slot(days: int = 3, hour: int = 10, hours: int = 2) -> tuple[dt.datetime, dt.datetime]:
    """A slot `days` from today at `hour` local time."""
    day = timezone.localdate() + dt.timedelta(days=days)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))
    return start, start + dt.timedelta(hours=hours)


class BookingFactory(factory.django.DjangoModelFactory[Booking]):
    class Meta:
        model = Booking

    offer = factory.SubFactory(OfferFactory)
    organization = factory.SubFactory(OrganizationFactory)
    requested_by = factory.SubFactory(UserFactory, password=None)  # no slow hashing for bystanders
    starts_at = factory.LazyFunction(lambda: slot()[0])
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    status = Booking.Status.PENDING


def offer_form_data(organization, **extra):
    """What the offer form sends for a published hall of `organization`."""
    return {
        "organization": organization.pk,
        "category": "premises",
        "title": "Зал на 30 мест",
        "description": "Светлый зал",
        "municipality": organization.municipality.pk,
        "terms": "free",
        "publish": "1",
        **extra,
    }
