"""Webinar recordings: creating, editing and publishing one, with its video file or an embed."""

from typing import TYPE_CHECKING, Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from nkohub.core.audit import audit_log, diff_fields
from nkohub.core.errors import DomainError
from nkohub.core.storage import original_filename
from nkohub.learning.embeds import embed_address
from nkohub.learning.models import Recording

from ._shared import _full_clean, _move_status

if TYPE_CHECKING:
    from nkohub.accounts.models import User

RECORDING_FIELDS = (
    "title",
    "description",
    "held_on",
    "speakers",
    "minutes",
    "topic",
    "embed_url",
    "event",
    "slides",
)


def _check_source(recording: Recording, video: UploadedFile | None) -> None:
    """Either an uploaded video or a VK Video / RuTube link (made the player's address)."""
    if recording.embed_url:
        address = embed_address(recording.embed_url)
        if not address:
            raise DomainError(
                _("Paste a link to a video on VK Video or RuTube."), field="embed_url"
            )
        recording.embed_url = address
    if video is not None:
        name = original_filename(video.name, fallback="video.mp4")
        recording.video.save(name, video, save=False)
        recording.video_name = name
        recording.video_type = (getattr(video, "content_type", "") or "video/mp4")[:60]
    if not recording.embed_url and not recording.video:
        raise DomainError(
            _("Upload the video file or paste a link to VK Video or RuTube."), field="embed_url"
        )
    if recording.slides is not None and not recording.slides.is_published:
        raise DomainError(_("The slides must be a published material."), field="slides")


@transaction.atomic
def recording_create(
    *, actor: "User", video: UploadedFile | None = None, **fields: Any
) -> Recording:
    recording = Recording(
        created_by=actor, **{k: fields[k] for k in RECORDING_FIELDS if k in fields}
    )
    _full_clean(recording, exclude=["video", "embed_url"])
    _check_source(recording, video)
    _full_clean(recording)
    recording.save()
    audit_log(actor=actor, action="learning.recording.create", obj=recording)
    return recording


@transaction.atomic
def recording_update(
    *, actor: "User", recording: Recording, video: UploadedFile | None = None, **fields: Any
) -> Recording:
    before = Recording.objects.get(pk=recording.pk)
    for name in RECORDING_FIELDS:
        if name in fields:
            setattr(recording, name, fields[name])
    _full_clean(recording, exclude=["video", "embed_url"])
    _check_source(recording, video)
    _full_clean(recording)
    recording.save()
    changes: dict[str, Any] = diff_fields(
        before, recording, ["title", "held_on", "speakers", "minutes", "embed_url"]
    )
    if before.topic_id != recording.topic_id:
        changes["topic"] = [str(before.topic or ""), str(recording.topic or "")]
    if before.event_id != recording.event_id:
        changes["event"] = [str(before.event or ""), str(recording.event or "")]
    if before.slides_id != recording.slides_id:
        changes["slides"] = [str(before.slides or ""), str(recording.slides or "")]
    if before.description != recording.description:
        changes["description"] = _("text changed")
    if video is not None:
        changes["video"] = [before.video_name, recording.video_name]
        if before.video and before.video.name != recording.video.name:
            storage, stored = before.video.storage, str(before.video.name)
            transaction.on_commit(lambda: storage.delete(stored))
    if changes:
        audit_log(actor=actor, action="learning.recording.update", obj=recording, changes=changes)
    return recording


@transaction.atomic
def recording_set_status(*, actor: "User", recording: Recording, status: str) -> Recording:
    in_use = recording.lessons.filter(
        module__course__status="published", archived_at__isnull=True
    ).exists()
    if status == Recording.Status.DRAFT and in_use:
        raise DomainError(
            _("A published course has this recording as a lesson: take the lesson out first.")
        )
    _move_status(
        recording,
        status,
        actor=actor,
        action="learning.recording.status",
        refusal=_("The recording cannot move to this status."),
    )
    return recording
