"""Webinar recordings: the public list, a recording's page and its video (range requests), creating,
editing and publishing by operators and course authors."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nkohub.core.pagination import paginate
from nkohub.core.permissions import is_operator
from nkohub.core.service_calls import perform, submit_form
from nkohub.core.types import AuthenticatedHttpRequest
from nkohub.learning import forms, permissions, selectors, services
from nkohub.learning.models import Recording
from nkohub.learning.ranges import ranged_response


def _recording(user: Any, pk: int, *, edit: bool = False) -> Recording:
    recording = selectors.recording_by_pk(pk)
    if recording is None or not permissions.can_view_recording(user, recording):
        raise Http404
    if edit:
        permissions.require(permissions.can_edit_recording(user, recording))
    return recording


def _may_contribute(user: Any) -> None:
    permissions.require(
        permissions.can_contribute(user)
        or permissions.refused(
            _("Recordings are added by the resource centre's operators and course authors.")
        )
    )


@require_safe
def recording_index(request: HttpRequest) -> HttpResponse:
    form = forms.RecordingFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    found = selectors.recordings(topic=filters.get("topic"), q=filters.get("q", ""))
    context = {
        "form": form,
        "page": paginate(request, found, per_page=12),
        "filtered": any(filters.values()),
        "can_contribute": permissions.can_contribute(request.user),
        "suggestion": selectors.recordings_suggestion(filters["q"]) if filters.get("q") else "",
    }
    return render(request, "learning/recordings.html", context)


@require_safe
def recording_detail(request: HttpRequest, pk: int) -> HttpResponse:
    recording = _recording(request.user, pk)
    context = {
        "recording": recording,
        "slides_visible": recording.slides is not None and recording.slides.is_published,
        "can_edit": permissions.can_edit_recording(request.user, recording),
        "status_actions": Recording.TRANSITIONS[recording.status],
    }
    return render(request, "learning/recording_detail.html", context)


@require_safe
def recording_video(request: HttpRequest, pk: int) -> HttpResponse | StreamingHttpResponse:
    recording = _recording(request.user, pk)
    if not recording.video:
        raise Http404
    storage, name = recording.video.storage, str(recording.video.name)
    try:
        size = storage.size(name)
        handle = storage.open(name, "rb")
    except FileNotFoundError as error:
        raise Http404 from error
    return ranged_response(
        request, handle, size=size, content_type=recording.video_type or "video/mp4"
    )


def _fields(data: dict[str, Any]) -> dict[str, Any]:
    video = data.pop("video_upload", None)
    return {"video": video, **data}


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def recording_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    _may_contribute(request.user)
    form = forms.RecordingForm(request.POST or None, request.FILES or None)
    recording = submit_form(
        request,
        form,
        lambda data: services.recording_create(actor=request.user, **_fields(data)),
        _("The recording is saved as a draft."),
    )
    if recording is not None:
        return redirect(recording)
    return render(request, "learning/recording_form.html", {"form": form, "recording": None})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def recording_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recording = _recording(request.user, pk, edit=True)
    form = forms.RecordingForm(request.POST or None, request.FILES or None, instance=recording)
    if submit_form(
        request,
        form,
        lambda data: services.recording_update(
            actor=request.user, recording=recording, **_fields(data)
        ),
        _("The recording is saved."),
    ):
        return redirect(recording)
    return render(request, "learning/recording_form.html", {"form": form, "recording": recording})


@login_required
@require_POST
def recording_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    recording = _recording(request.user, pk, edit=True)
    status = request.POST.get("status", "")
    perform(
        request,
        lambda: services.recording_set_status(
            actor=request.user, recording=recording, status=status
        ),
        _("The recording is published.")
        if status == Recording.Status.PUBLISHED
        else _("The recording is back in drafts."),
    )
    return redirect(recording)


@login_required
@require_safe
def recording_mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    _may_contribute(request.user)
    found = selectors.recordings_edited_by(request.user, everything=is_operator(request.user))
    return render(
        request, "learning/recordings_mine.html", {"page": paginate(request, found, per_page=20)}
    )
