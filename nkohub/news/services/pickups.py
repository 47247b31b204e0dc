"""Media outlets' pick-ups: take a published item into work (once per outlet), mark it published."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.news.models import NewsItem, Pickup
from nkohub.notifications.services import notify
from nkohub.organizations.models import Organization

from ._shared import _acting_people, _full_clean, _with


@transaction.atomic
def pickup_take(*, actor: User, item: NewsItem, outlet: Organization) -> Pickup:
    """The outlet takes the item into work. A second take by the same outlet (two tabs, a retried
    request) is refused by the database's unique constraint, not only by the check before it."""
    if not NewsItem.objects.filter(pk=item.pk, status=NewsItem.Status.PUBLISHED).exists():
        raise DomainError(_("Only published news can be taken into work."))
    pickup = Pickup(news=item, outlet=outlet, taken_by=actor)
    _full_clean(pickup, validate_constraints=False)
    try:
        with transaction.atomic():
            pickup.save()
    except IntegrityError as error:
        raise DomainError(_("Your outlet has already taken this news item.")) from error
    audit_log(actor=actor, action="news.pickup.take", obj=item, changes={"outlet": str(outlet)})
    notify(
        recipients=_with(_acting_people(item.organization), item.author),
        kind="news.pickup.taken",
        title=_("%(outlet)s takes your news into work: %(title)s")
        % {"outlet": outlet, "title": item.title},
        obj=item,
        url=item.get_absolute_url(),
        actor=actor,
    )
    return pickup


@transaction.atomic
def pickup_mark_published(
    *, actor: User, pickup: Pickup, publication_url: str, published_on: datetime.date
) -> Pickup:
    locked = Pickup.objects.select_for_update().get(pk=pickup.pk)
    if locked.is_published:
        raise DomainError(_("This publication is already recorded."))
    if published_on > timezone.localdate():
        raise DomainError(_("The publication date cannot be in the future."), field="published_on")
    if published_on < pickup.taken_at.date() - datetime.timedelta(days=1):
        raise DomainError(
            _("The publication date cannot be before the news was taken into work."),
            field="published_on",
        )
    pickup.status = Pickup.Status.PUBLISHED
    pickup.publication_url = publication_url.strip()
    pickup.published_on = published_on
    pickup.marked_by = actor
    _full_clean(pickup)
    pickup.save()
    item = pickup.news
    audit_log(
        actor=actor,
        action="news.pickup.publish",
        obj=item,
        changes={
            "outlet": str(pickup.outlet),
            "publication_url": pickup.publication_url,
            "published_on": published_on.isoformat(),
        },
    )
    notify(
        recipients=_with(_acting_people(item.organization), item.author),
        kind="news.pickup.published",
        title=_("%(outlet)s publishes your news: %(title)s")
        % {"outlet": pickup.outlet, "title": item.title},
        body=pickup.publication_url,
        obj=item,
        url=item.get_absolute_url(),
        actor=actor,
    )
    return pickup
