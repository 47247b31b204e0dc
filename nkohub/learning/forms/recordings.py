"""Forms of webinar recordings: the public list's filters, creating and editing a recording."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nkohub.core.forms import BoundedDateField, PlatformForm, PlatformModelForm
from nkohub.learning.models import Material, Recording, Topic
from nkohub.learning.selectors.recordings import recordable_events

from .courses import VideoSourceMixin


class RecordingFilterForm(PlatformForm):
    """Words and a topic: the filters the library's and the recordings' lists share."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label=_("any"),
    )


class RecordingForm(VideoSourceMixin, PlatformModelForm):
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
            "event",
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
        event: Any = self.fields["event"]
        event.queryset = recordable_events().select_related("organizer")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_video = data.get("video_upload") or (self.instance.pk and self.instance.video)
        if not data.get("embed_url") and not has_video and "embed_url" not in self.errors:
            self.add_error(
                "embed_url", _("Upload the video file or paste a link to VK Video or RuTube.")
            )
        return data
