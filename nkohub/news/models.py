"""News of organisations, their photos, media outlets' pick-ups and mentions found elsewhere.

A news item of an unverified organisation waits for an operator (pre-moderation); one of a verified
organisation is published at once and the operator may hide it with a reason (post-moderation). A media
outlet takes a published item into work once and marks it published with the link to its publication;
several outlets may each take the same item. Mentions are publications found elsewhere, added by operators.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.images import MB, ImageSlot, slot_url

# A news photo: fitted into 1200×900 (enough for the page and for a social network's preview).
PHOTO = ImageSlot(field="image", thumbnail_field="thumbnail", size=(1200, 900), crop=False)
PHOTO_MAX_BYTES = 5 * MB
PHOTO_MIN_SIZE = (320, 200)
MAX_PHOTOS = 6


class NewsItem(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting moderation")
        PUBLISHED = "published", pgettext_lazy("news", "published")
        REJECTED = "rejected", pgettext_lazy("news", "not published")
        HIDDEN = "hidden", pgettext_lazy("news", "hidden")

    # Who moves an item where: the operator's decisions. An edit by the organisation is a resubmission.
    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.PENDING: (Status.PUBLISHED, Status.REJECTED),
        Status.PUBLISHED: (Status.HIDDEN,),
        Status.HIDDEN: (Status.PUBLISHED,),
        Status.REJECTED: (Status.PUBLISHED,),
    }
    NEEDS_REASON = (Status.REJECTED, Status.HIDDEN)

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="news_items",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=pgettext_lazy("news field", "project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_items",
    )
    title = models.CharField(pgettext_lazy("news field", "title"), max_length=200)
    body = models.TextField(pgettext_lazy("news field", "text (Markdown)"), max_length=20_000)
    status = models.CharField(
        pgettext_lazy("news field", "status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
    )
    moderation_reason = models.TextField(_("operator's reason"), max_length=2000, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("news field", "author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_items",
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(pgettext_lazy("news field", "created"), default=timezone.now)
    published_at = models.DateTimeField(
        pgettext_lazy("news field", "published"), null=True, blank=True
    )
    updated_at = models.DateTimeField(pgettext_lazy("news field", "updated"), auto_now=True)

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="news_published_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "published", "rejected", "hidden"]),
                name="news_status_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="news_feed_order"),
            models.Index(fields=["organization", "status"], name="news_organization_status"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS.get(self.status, ())


def news_photo_path(instance: "NewsPhoto", filename: str) -> str:
    return f"news/photos/{timezone.now():%Y/%m}/{filename}"


class NewsPhoto(models.Model):
    news = models.ForeignKey(
        NewsItem, verbose_name=_("news item"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("photo"), upload_to=news_photo_path)
    # Made once from the photo in the background (nkohub.core.images); empty until then.
    thumbnail = models.ImageField(
        _("photo thumbnail"), upload_to=news_photo_path, blank=True, editable=False
    )
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(pgettext_lazy("order", "position"), default=1)

    class Meta:
        verbose_name = _("news photo")
        verbose_name_plural = _("news photos")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.caption or str(self.image.name)

    @property
    def src(self) -> str:
        return slot_url(self, PHOTO)


class Pickup(models.Model):
    """A media outlet took a news item into work, and perhaps published it."""

    class Status(models.TextChoices):
        IN_WORK = "in_work", _("in work")
        PUBLISHED = "published", pgettext_lazy("pickup", "published")

    news = models.ForeignKey(
        NewsItem, verbose_name=_("news item"), on_delete=models.CASCADE, related_name="pickups"
    )
    outlet = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("media outlet"),
        on_delete=models.CASCADE,
        related_name="news_pickups",
    )
    status = models.CharField(
        pgettext_lazy("pickup", "status"),
        max_length=20,
        choices=Status.choices,
        default=Status.IN_WORK,
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    taken_at = models.DateTimeField(_("taken into work"), default=timezone.now)
    publication_url = models.URLField(_("link to the publication"), max_length=500, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marked published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("pick-up by a media outlet")
        verbose_name_plural = _("pick-ups by media outlets")
        ordering = ["-taken_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["news", "outlet"], name="pickup_once_per_outlet"),
            models.CheckConstraint(
                condition=Q(status="in_work")
                | (~Q(publication_url="") & Q(published_on__isnull=False)),
                name="pickup_published_has_link_and_date",
            ),
        ]
        indexes = [models.Index(fields=["outlet", "status"], name="pickup_outlet_status")]

    def __str__(self) -> str:
        return f"{self.outlet} · {self.news}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Mention(models.Model):
    """A publication about an organisation found elsewhere, added by an operator (one at a time or in
    bulk from a spreadsheet)."""

    organization = models.ForeignKey(
        "organizations.Organization",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="media_mentions",
    )
    url = models.URLField(_("link to the publication"), max_length=500)
    outlet = models.CharField(_("media outlet"), max_length=200)
    published_on = models.DateField(_("publication date"))
    title = models.CharField(pgettext_lazy("news field", "title"), max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("mention in media")
        verbose_name_plural = _("mentions in media")
        ordering = ["-published_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "url"], name="mention_once_per_link"),
        ]
        indexes = [models.Index(fields=["published_on"], name="mention_published_on")]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.title or self.url}"
