"""Forms of news: the feed's filters, writing an item with photos, moderation, the desk's
«mark published», the mentions file."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.errors import DomainError
from nkohub.core.forms import BoundedDateField, PlatformForm, PlatformModelForm
from nkohub.news.models import MAX_PHOTOS, NewsItem
from nkohub.news.services import validate_photo
from nkohub.organizations.models import Organization, Sphere
from nkohub.territories.forms import MunicipalityChoiceField


class FeedFilterForm(PlatformForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    # Set by links (an organisation's page, «all its news»), not chosen from a list of every NGO:
    # a select of hundreds of organisations is neither usable nor cheap to render.
    organization = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organization.objects.all(),
        required=False,
        widget=forms.HiddenInput,
    )
    sphere = forms.ModelChoiceField(
        label=_("Sphere"), queryset=Sphere.objects.all(), required=False, to_field_name="code"
    )
    municipality = MunicipalityChoiceField(label=_("Municipality"), required=False)
    month = forms.ChoiceField(label=_("Month"), required=False, choices=[])

    def __init__(self, *args: Any, months: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        month_field: Any = self.fields["month"]
        month_field.choices = [("", _("any")), *months]


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos in one input, each checked by its content (JPEG, PNG or WebP, size, pixels)."""

    widget = MultiplePhotoInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _("Up to %(count)d photos of 5 MB each: JPEG, PNG or WebP, at least 320×200.")
            % {"count": MAX_PHOTOS},
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", "image/jpeg,image/png,image/webp")

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(files) > MAX_PHOTOS:
            raise ValidationError(
                _("A news item has at most %(count)s photos.") % {"count": MAX_PHOTOS}
            )
        for photo in files:
            try:
                validate_photo(photo)
            except DomainError as error:
                raise ValidationError(error.message) from error
        return files


class NewsForm(PlatformModelForm):
    photos = PhotosField(label=_("Photos"))
    remove_photos = forms.TypedMultipleChoiceField(
        label=_("Remove photos"),
        required=False,
        coerce=int,
        choices=[],
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = NewsItem
        fields = ["title", "body", "project"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "body": _("Markdown: **bold**, *italic*, lists, links."),
            "project": _("One of your organisation's projects, if the news is about it."),
        }

    def __init__(self, *args: Any, organization: Organization, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        project_field: Any = self.fields["project"]
        project_field.queryset = organization.projects.order_by("title")
        photos = list(self.instance.photos.all()) if self.instance.pk else []
        remove: Any = self.fields["remove_photos"]
        if photos:
            remove.choices = [
                (p.pk, p.caption or _("Photo %(n)s") % {"n": n})
                for n, p in enumerate(photos, start=1)
            ]
        else:
            del self.fields["remove_photos"]


class ModerationForm(PlatformForm):
    status = forms.ChoiceField(label=pgettext_lazy("news field", "status"), choices=[])
    reason = forms.CharField(
        label=_("Reason (the organisation is told)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, item: NewsItem, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(NewsItem.Status.choices)
        status_field: Any = self.fields["status"]
        status_field.choices = [(s, labels[s]) for s in NewsItem.TRANSITIONS.get(item.status, ())]


class PublishedForm(PlatformForm):
    publication_url = forms.URLField(
        label=_("Link to your publication"), max_length=500, assume_scheme="https"
    )
    published_on = BoundedDateField(
        label=_("Publication date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"published_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class MentionsFileForm(PlatformForm):
    file = forms.FileField(
        label=_("Spreadsheet (XLSX or CSV)"),
        help_text=_(
            "Columns: «Ссылка», «Издание», «Дата» (31.12.2026), «ИНН», optionally «Заголовок»."
            " A CSV saved by Excel (Windows-1251, «;») is read as it is."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".xlsx,.csv"
