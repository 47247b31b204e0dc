import datetime as dt
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from nkohub.accounts.models import User
from nkohub.news.models import Mention, NewsItem, Pickup
from nkohub.organizations.models import Membership, Organization
from nkohub.organizations.tests.factories import MembershipFactory, OrganizationFactory


def jpeg(size: tuple[int, int] = (800, 600), name: str = "photo.jpg") -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 110, 160)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


class NewsItemFactory(factory.django.DjangoModelFactory[NewsItem]):
    class Meta:
        model = NewsItem

    organization = factory.SubFactory(OrganizationFactory, is_verified=True)
    title = factory.Sequence(lambda n: f"Волонтёры убрали берег Оки, акция {n}")
    body = "В субботу **сорок волонтёров** убрали берег Оки у Калуги."
    status = NewsItem.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class PickupFactory(factory.django.DjangoModelFactory[Pickup]):
    class Meta:
        model = Pickup

    news = factory.SubFactory(NewsItemFactory)
    outlet = factory.SubFactory(OrganizationFactory, kind=Organization.Kind.MEDIA)


def published_pickup(**kwargs: object) -> Pickup:
    return PickupFactory.create(
        status=Pickup.Status.PUBLISHED,
        publication_url="https://kaluga-news.example/2026/ochistka-oki",
        published_on=timezone.localdate(),
        **kwargs,
    )


class MentionFactory(factory.django.DjangoModelFactory[Mention]):
    class Meta:
        model = Mention

    organization = factory.SubFactory(OrganizationFactory)
    url = factory.Sequence(lambda n: f"https://nikatv.example/news/{n}")
    outlet = "Ника ТВ"
    published_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=3))


def media_outlet(name: str = "«Калужские новости»") -> Organization:
    return OrganizationFactory.create(
        kind=Organization.Kind.MEDIA, short_name=name, full_name=f"Редакция газеты {name}"
    )


def journalist(outlet: Organization, email: str = "jane@example.org") -> User:
    return MembershipFactory.create(
        organization=outlet, role=Membership.Role.MEMBER, user__email=email
    ).user
