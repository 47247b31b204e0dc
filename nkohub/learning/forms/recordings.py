"""Forms of webinar recordings: the public list's filters, creating and editing a recording."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nkohub.core.forms import BoundedDateField, PlatformForm, PlatformModelForm
from nkohub.learning.embeds import embed_address
from nkohub.learning.models import Material, Recording, Topic

from .courses import MAX_VIDEO_BYTES, VIDEO_TYPES


class RecordingFilterForm(PlatformForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("any"),
    )


class RecordingForm(PlatformModelForm):
    held_on = BoundedDateField(label=_("Held on"), widget=forms.DateInput(attrs={"type": "date"}))
    video_upload = forms.FileField(
        label=_("Video file (MP4 or WebM)"), required=False, help_text=_("Up to 500 MB.")
    )

    class Meta:
        model = Recording
        fields = [
            "title",
            "held_on",
            "speakers",
            "minutes",
            "topic",
            "description",
            "embed_url",
            "slides",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "speakers": _(
                "Names and where they work, for example: Анна Петрова (ресурсный центр)."
            ),
            "description": _("Markdown: **bold**, lists, links."),
            "embed_url": _("A link to the video on VK Video or RuTube, or upload the file below."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        slides: Any = self.fields["slides"]
        slides.queryset = Material.objects.filter(status=Material.Status.PUBLISHED).order_by(
            "title"
        )

    def clean_embed_url(self) -> str:
        url = self.cleaned_data.get("embed_url", "")
        if url and not embed_address(url):
            raise forms.ValidationError(_("Paste a link to a video on VK Video or RuTube."))
        return url

    def clean_video_upload(self) -> Any:
        upload = self.cleaned_data.get("video_upload")
        if upload is None:
            return None
        if upload.size > MAX_VIDEO_BYTES:
            raise forms.ValidationError(_("The video is larger than 500 MB."))
        if getattr(upload, "content_type", "") not in VIDEO_TYPES:
            raise forms.ValidationError(_("Upload an MP4, WebM or Ogg video."))
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_video = data.get("video_upload") or (self.instance.pk and self.instance.video)
        if not data.get("embed_url") and not has_video and "embed_url" not in self.errors:
            self.add_error(
                "embed_url", _("Upload the video file or paste a link to VK Video or RuTube.")
            )
        return data
