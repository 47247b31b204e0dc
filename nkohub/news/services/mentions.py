"""Mentions in media found elsewhere: one by one, or in bulk from a spreadsheet.

A file is judged row by row: a row with a bad link, date or INN, an organisation not in the registry, or
a link already recorded (in the database or earlier in the file) is skipped with its reason; the rest
are written together in one transaction, so a failure on the way writes nothing of the file.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log
from nkohub.core.errors import DomainError
from nkohub.core.validators import normalize_digits, validate_inn
from nkohub.news.mention_files import MentionRow, read_mentions
from nkohub.news.models import Mention
from nkohub.organizations.imports.validation import parse_date
from nkohub.organizations.models import Organization

from ._shared import _full_clean

_url = URLValidator(schemes=["http", "https"])


@dataclass
class Skipped:
    line: int
    reason: str


@dataclass
class ImportReport:
    file_name: str
    added: list[Mention] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.added) + len(self.skipped)


@transaction.atomic
def mention_create(
    *,
    actor: User,
    organization: Organization,
    url: str,
    outlet: str,
    published_on: datetime.date,
    title: str = "",
) -> Mention:
    mention = Mention(
        organization=organization,
        url=url.strip(),
        outlet=outlet.strip(),
        published_on=published_on,
        title=title.strip(),
        added_by=actor,
    )
    _full_clean(mention)
    mention.save()
    audit_log(
        actor=actor, action="news.mention.create", obj=organization, changes={"url": mention.url}
    )
    return mention


def _problem(values: dict[str, str], today: datetime.date) -> str:
    url = values.get("url", "")
    try:
        _url(url)
    except ValidationError:
        return _("the link «%(url)s» is not a web address") % {"url": url[:80]}
    if len(url) > 500:
        return _("the link is longer than 500 characters")
    if not values.get("outlet"):
        return _("no media outlet")
    if len(values["outlet"]) > 200:
        return _("the outlet's name is longer than 200 characters")
    published_on = parse_date(values.get("published_on", ""))
    if published_on is None:
        return _("the date «%(date)s» is not a date (write it as 31.12.2026)") % {
            "date": values.get("published_on", "")
        }
    if published_on > today:
        return _("the date is in the future")
    inn = normalize_digits(values.get("inn", ""))
    try:
        validate_inn(inn)
    except ValidationError:
        return _("the INN «%(inn)s» is not valid") % {"inn": values.get("inn", "")}
    return ""


@transaction.atomic
def mentions_import(*, actor: User, upload: Any) -> ImportReport:
    """Read the file, skip what cannot be taken (saying why, row by row), add the rest at once."""
    rows: list[MentionRow] = read_mentions(upload)
    report = ImportReport(file_name=str(getattr(upload, "name", "")))
    if not rows:
        raise DomainError(_("The file has no rows under its headings."), field="file")
    today = timezone.localdate()
    inns = {normalize_digits(row.values.get("inn", "")) for row in rows}
    organizations = {o.inn: o for o in Organization.objects.filter(inn__in=inns)}
    urls = {row.values.get("url", "").strip() for row in rows}
    known = set(Mention.objects.filter(url__in=urls).values_list("organization_id", "url"))
    pending: list[Mention] = []
    for row in rows:
        values = {key: value.strip() for key, value in row.values.items()}
        problem = _problem(values, today)
        organization = organizations.get(normalize_digits(values.get("inn", "")))
        if not problem and organization is None:
            problem = _("no organisation with INN %(inn)s in the registry") % {"inn": values["inn"]}
        if not problem and organization is not None and (organization.pk, values["url"]) in known:
            problem = _("this link is already recorded for the organisation")
        if problem:
            report.skipped.append(Skipped(line=row.line, reason=problem))
            continue
        assert organization is not None
        known.add((organization.pk, values["url"]))
        published_on = parse_date(values["published_on"])
        assert published_on is not None
        pending.append(
            Mention(
                organization=organization,
                url=values["url"],
                outlet=values["outlet"],
                published_on=published_on,
                title=values.get("title", "")[:300],
                added_by=actor,
            )
        )
    report.added = Mention.objects.bulk_create(pending)
    audit_log(
        actor=actor,
        action="news.mention.import",
        changes={
            "file": report.file_name,
            "added": len(report.added),
            "skipped": len(report.skipped),
        },
    )
    return report
