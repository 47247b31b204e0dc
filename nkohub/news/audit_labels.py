"""How the audit log names the actions and fields of news (see nkohub.core.audit_display)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.audit_display import AuditLabels
from nkohub.news.models import NewsItem

LABELS = AuditLabels(
    actions={
        "news.item.create": _("News item written"),
        "news.item.update": _("News item changed"),
        "news.item.moderate": _("News item moderated"),
        "news.pickup.take": _("News taken into work by a media outlet"),
        "news.pickup.publish": _("News published by a media outlet"),
        "news.mention.create": _("Mention in media added"),
        "news.mention.import": _("Mentions in media imported from a file"),
    },
    fields={
        "organization": _("organisation"),
        "photos": _("photos added"),
        "photos removed": _("photos removed"),
        "reason": pgettext_lazy("audit field", "reason"),
        "outlet": _("media outlet"),
        "publication_url": _("link to the publication"),
        "published_on": _("publication date"),
        "url": _("link to the publication"),
        "file": pgettext_lazy("audit field", "file"),
        "added": _("added"),
        "skipped": _("skipped"),
    },
    choices={"status": NewsItem.Status.choices},
)
