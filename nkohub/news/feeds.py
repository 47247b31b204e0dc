"""RSS 2.0 and Atom feeds of published news (all, per organisation, per sphere, per coalition), built
with Django's syndication framework: each feed reads its items in two queries (`selectors.syndicated`)."""

from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from nkohub.core.markdown import render_markdown
from nkohub.news import selectors
from nkohub.news.models import NewsItem
from nkohub.organizations.models import Organization, Sphere
from nkohub.volunteering.models import Coalition


class NewsFeed(Feed):
    feed_type: type[SyndicationFeed] = Rss201rev2Feed
    language = "ru"

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        self.request = request
        return None

    def title(self, obj: Any) -> str:
        return _("News of %(site)s") % {"site": settings.SITE_NAME}

    def link(self, obj: Any) -> str:
        return reverse("news:index")

    def description(self, obj: Any) -> str:
        return _("News of the region's non-profit organisations.")

    def subtitle(self, obj: Any) -> str:
        """Atom's subtitle: the same as RSS's description."""
        return str(self.description(obj))

    def items(self, obj: Any) -> list[NewsItem]:
        return selectors.syndicated()

    def item_title(self, item: NewsItem) -> str:
        return item.title

    def item_description(self, item: NewsItem) -> str:
        return render_markdown(item.body)

    def item_link(self, item: NewsItem) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: NewsItem) -> str:
        return self.request.build_absolute_uri(item.get_absolute_url())

    item_guid_is_permalink = True

    def item_pubdate(self, item: NewsItem) -> Any:
        return item.published_at

    def item_updateddate(self, item: NewsItem) -> Any:
        return item.updated_at

    def item_author_name(self, item: NewsItem) -> str:
        return str(item.organization)

    def item_categories(self, item: NewsItem) -> list[str]:
        return [str(item.organization)]

    def item_enclosures(self, item: NewsItem) -> list[Any]:
        from django.utils.feedgenerator import Enclosure

        photos = list(item.photos.all())
        if not photos:
            return []
        photo = photos[0]
        src = photo.src
        kind = {"webp": "image/webp", "png": "image/png"}.get(src.rsplit(".", 1)[-1], "image/jpeg")
        # the length is not known without reading the file; RSS readers accept 0
        return [Enclosure(self.request.build_absolute_uri(src), "0", kind)]


class OrganizationNewsFeed(NewsFeed):
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Organization:
        self.request = request
        return get_object_or_404(Organization, pk=kwargs["pk"], is_published=True)

    def title(self, obj: Organization) -> str:
        return _("News of %(organization)s") % {"organization": obj}

    def link(self, obj: Organization) -> str:
        return f"{reverse('news:index')}?organization={obj.pk}"

    def description(self, obj: Organization) -> str:
        return Truncator(strip_tags(obj.description or str(obj))).chars(300)

    def items(self, obj: Organization) -> list[NewsItem]:
        return selectors.syndicated(organization=obj)


class SphereNewsFeed(NewsFeed):
    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Sphere:
        self.request = request
        return get_object_or_404(Sphere, code=kwargs["code"])

    def title(self, obj: Sphere) -> str:
        return _("News in the sphere «%(sphere)s»") % {"sphere": obj.name}

    def link(self, obj: Sphere) -> str:
        return f"{reverse('news:index')}?sphere={obj.code}"

    def description(self, obj: Sphere) -> str:
        return _("News of the region's organisations working in «%(sphere)s».") % {
            "sphere": obj.name
        }

    def items(self, obj: Sphere) -> list[NewsItem]:
        return selectors.syndicated(sphere=obj)


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed


class OrganizationNewsAtomFeed(OrganizationNewsFeed):
    feed_type = Atom1Feed


class SphereNewsAtomFeed(SphereNewsFeed):
    feed_type = Atom1Feed


class CoalitionNewsFeed(NewsFeed):
    """The shared feed of a coalition: its members' news."""

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Coalition:
        self.request = request
        return get_object_or_404(Coalition, pk=kwargs["pk"])

    def title(self, obj: Coalition) -> str:
        return _("News of the coalition «%(coalition)s»") % {"coalition": obj.title}

    def link(self, obj: Coalition) -> str:
        return reverse("news:coalition", args=[obj.pk])

    def description(self, obj: Coalition) -> str:
        return _("News of the member organisations of «%(coalition)s».") % {"coalition": obj.title}

    def items(self, obj: Coalition) -> list[NewsItem]:
        return selectors.syndicated(coalition=obj)


class CoalitionNewsAtomFeed(CoalitionNewsFeed):
    feed_type = Atom1Feed
