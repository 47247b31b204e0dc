"""The secret address of a person's calendar feed: made on first use, replaced to revoke the old one."""

from django.db import transaction

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log
from nkohub.events.models import CalendarFeed
from nkohub.events.models.registrations import new_feed_token


def feed_for(user: User) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def feed_reset(*, actor: User) -> CalendarFeed:
    feed = feed_for(actor)
    feed.token = new_feed_token()
    feed.save(update_fields=["token"])
    audit_log(actor=actor, action="events.feed.reset", obj=feed, changes={})
    return feed
