"""News items: writing (with photos), moderation, thumbnails.

An item of a verified organisation is published at once (post-moderation: the operator may hide it);
one of an unverified organisation waits for the operator (pre-moderation). An edit of an unverified
organisation's item, or of any hidden or rejected one, sends it to the operator again.
"""

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from nkohub.accounts.models import User
from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError
from nkohub.core.images import image_replace, thumbnail_make, validate_image
from nkohub.news import tasks
from nkohub.news.models import (
    MAX_PHOTOS,
    PHOTO,
    PHOTO_MAX_BYTES,
    PHOTO_MIN_SIZE,
    NewsItem,
    NewsPhoto,
)
from nkohub.notifications.background import enqueue_on_commit
from nkohub.notifications.services import notify
from nkohub.organizations.models import Organization
from nkohub.projects.models import Project

from ._shared import _acting_people, _full_clean, _operators, _with

NEWS_FIELDS = ["title", "body", "project"]


def _check_project(organization: Organization, project: Project | None) -> None:
    if project is not None and project.organization_id != organization.pk:
        raise DomainError(_("Link a project of your own organisation."), field="project")


def validate_photo(photo: UploadedFile) -> None:
    """A real JPEG, PNG or WebP of at most 5 MB and at least 320×200 (the form and the service)."""
    try:
        validate_image(photo, max_bytes=PHOTO_MAX_BYTES, min_size=PHOTO_MIN_SIZE)
    except ValidationError as error:
        raise DomainError(error.messages[0], field="photos") from error


def _add_photos(item: NewsItem, photos: Sequence[UploadedFile]) -> list[str]:
    if not photos:
        return []
    existing = item.photos.count()
    if existing + len(photos) > MAX_PHOTOS:
        raise DomainError(
            _("A news item has at most %(count)s photos.") % {"count": MAX_PHOTOS}, field="photos"
        )
    for photo in photos:
        validate_photo(photo)
    top = int(item.photos.aggregate(top=Max("position"))["top"] or 0)
    names = []
    for offset, upload in enumerate(photos, start=1):
        stored = NewsPhoto(news=item, position=top + offset)
        image_replace(stored, PHOTO, upload, previous=None)
        stored.save()
        enqueue_on_commit(tasks.make_photo_thumbnail, stored.pk)
        names.append(str(stored.image.name))
    return names


def _publish_or_wait(item: NewsItem, organization: Organization) -> None:
    if organization.is_verified:
        item.status = NewsItem.Status.PUBLISHED
        item.published_at = item.published_at or timezone.now()
    else:
        item.status = NewsItem.Status.PENDING


def _tell_about_submission(item: NewsItem, actor: User) -> None:
    if item.status == NewsItem.Status.PENDING:
        notify(
            recipients=_operators(),
            kind="news.item.submitted",
            title=_("A news item awaits moderation: %(title)s") % {"title": item.title},
            body=str(item.organization),
            obj=item,
            url=item.get_absolute_url(),
            actor=actor,
        )


@transaction.atomic
def news_create(
    *,
    actor: User,
    organization: Organization,
    title: str,
    body: str,
    project: Project | None = None,
    photos: Sequence[UploadedFile] = (),
) -> NewsItem:
    _check_project(organization, project)
    item = NewsItem(
        organization=organization, author=actor, title=title, body=body, project=project
    )
    _publish_or_wait(item, organization)
    _full_clean(item)
    item.save()
    names = _add_photos(item, photos)
    audit_log(
        actor=actor,
        action="news.item.create",
        obj=item,
        changes={"organization": str(organization), "status": item.status, "photos": len(names)},
    )
    _tell_about_submission(item, actor)
    return item


def _resubmit(item: NewsItem, status: str) -> None:
    """After an edit: a hidden or rejected item goes back to the operator; so does a published one of
    an unverified organisation; a waiting one is published if the organisation is verified by now."""
    if status in NewsItem.NEEDS_REASON or (
        status == NewsItem.Status.PUBLISHED and not item.organization.is_verified
    ):
        item.status = NewsItem.Status.PENDING
    elif status == NewsItem.Status.PENDING:
        _publish_or_wait(item, item.organization)


@transaction.atomic
def news_update(
    *,
    actor: User,
    item: NewsItem,
    title: str,
    body: str,
    project: Project | None = None,
    photos: Sequence[UploadedFile] = (),
    remove_photos: Sequence[int] = (),
) -> NewsItem:
    before = NewsItem.objects.select_for_update().get(pk=item.pk)
    _check_project(item.organization, project)
    item.title, item.body, item.project = title, body, project
    item.status = before.status
    changes: dict[str, Any] = diff_fields(before, item, NEWS_FIELDS)
    if changes or photos:
        _resubmit(item, before.status)
    _full_clean(item)
    item.save()
    if remove_photos:
        gone = list(item.photos.filter(pk__in=remove_photos))
        for photo in gone:
            image_replace(photo, PHOTO, None, previous=photo)
            photo.delete()
        changes["photos removed"] = len(gone)
    names = _add_photos(item, photos)
    if names:
        changes["photos"] = len(names)
    if before.status != item.status:
        changes["status"] = [before.status, item.status]
    if changes:
        audit_log(actor=actor, action="news.item.update", obj=item, changes=changes)
    if before.status != item.status:
        _tell_about_submission(item, actor)
    return item


_DECISION_KINDS: dict[str, str] = {
    NewsItem.Status.PUBLISHED: "news.item.published",
    NewsItem.Status.REJECTED: "news.item.rejected",
    NewsItem.Status.HIDDEN: "news.item.hidden",
}


@transaction.atomic
def news_moderate(*, actor: User, item: NewsItem, status: str, reason: str = "") -> NewsItem:
    """The operator publishes a waiting item, rejects it, hides a published one or shows it again;
    a refusal needs a reason, which the author and the organisation's editors are told."""
    item.status = (
        NewsItem.objects.select_for_update().values_list("status", flat=True).get(pk=item.pk)
    )
    if not item.can_move_to(status):
        raise DomainError(_("The news item cannot move to this status."))
    reason = reason.strip()
    if status in NewsItem.NEEDS_REASON and not reason:
        raise DomainError(_("Say why, so that the organisation can put it right."), field="reason")
    old = item.status
    item.status = status
    item.moderation_reason = reason if status in NewsItem.NEEDS_REASON else ""
    item.moderated_by, item.moderated_at = actor, timezone.now()
    if status == NewsItem.Status.PUBLISHED:
        item.published_at = item.published_at or timezone.now()
    _full_clean(item)
    item.save()
    audit_log(
        actor=actor,
        action="news.item.moderate",
        obj=item,
        changes={"status": [old, status], **({"reason": reason} if reason else {})},
    )
    titles: dict[str, str] = {
        NewsItem.Status.PUBLISHED: _("Your news item is published: %(title)s"),
        NewsItem.Status.REJECTED: _("Your news item is not published: %(title)s"),
        NewsItem.Status.HIDDEN: _("Your news item is hidden by the operator: %(title)s"),
    }
    notify(
        recipients=_with(_acting_people(item.organization), item.author),
        kind=_DECISION_KINDS[status],
        title=titles[status] % {"title": item.title},
        body=item.moderation_reason,
        obj=item,
        url=item.get_absolute_url(),
        actor=actor,
    )
    return item


def photo_thumbnail_make(*, photo_id: int) -> str:
    """The background half of a photo upload: its thumbnail, made once (see nkohub.core.images)."""
    return thumbnail_make(NewsPhoto, photo_id, PHOTO)


def news_set_demo_photo(*, item: NewsItem, jpeg: bytes) -> None:
    """Demo data: a drawn photo for a demo item that has none (no audit: nobody acted)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    if not item.is_demo or item.photos.exists():
        return
    with transaction.atomic():
        _add_photos(item, [SimpleUploadedFile("photo.jpg", jpeg, "image/jpeg")])
