"""Background work of the idea bank: telling an idea's author and supporters of its timeline's events."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from nkohub.ideas.models import IdeaEvent
from nkohub.notifications.background import background_task
from nkohub.notifications.services import notify

CHUNK = 1000


def _title(event: IdeaEvent) -> str:
    title = event.idea.title
    if event.kind == IdeaEvent.Kind.APPEAL:
        return _("The idea «%(title)s» is sent to %(authority)s as an appeal") % {
            "title": title,
            "authority": event.idea.addressee,
        }
    return _("The idea «%(title)s» is now «%(status)s»") % {
        "title": title,
        "status": event.get_status_after_display(),
    }


@background_task(max_attempts=3)
def tell_followers(event_id: int) -> int:
    """Notify the author and the supporters, a thousand at a time; returns how many were told."""
    event = IdeaEvent.objects.select_related("idea__addressee", "actor").filter(pk=event_id).first()
    if event is None:
        return 0
    idea = event.idea
    title, url = _title(event), idea.get_absolute_url()
    kind = f"ideas.idea.{event.kind}"
    people = get_user_model().objects.filter(is_active=True)
    told = 0
    if idea.author_id:
        told += len(
            notify(
                recipients=people.filter(pk=idea.author_id),
                kind=kind,
                title=title,
                body=event.text,
                obj=idea,
                url=url,
                actor=event.actor,
            )
        )
    supporters = people.filter(idea_supports__idea=idea).order_by("pk")
    last = 0
    while chunk := list(supporters.filter(pk__gt=last)[:CHUNK]):
        last = chunk[-1].pk
        told += len(
            notify(
                recipients=chunk,
                kind=kind,
                title=title,
                body=event.text,
                obj=idea,
                url=url,
                actor=event.actor,
            )
        )
    return told
