"""Forms of the library: the catalogue's filters, uploading and editing a material, attaching one to a
lesson."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.forms import PlatformForm, PlatformModelForm
from nkohub.learning import documents
from nkohub.learning.models import Material, MaterialTag

from .recordings import RecordingFilterForm


class LibraryFilterForm(RecordingFilterForm):
    tag = forms.ModelChoiceField(
        label=pgettext_lazy("library filter", "Tag"),
        queryset=MaterialTag.objects.none(),
        required=False,
        to_field_name="name",
        empty_label=_("any"),
    )
    kind = forms.ChoiceField(
        label=pgettext_lazy("library filter", "Kind"),
        choices=[("", _("any")), *Material.Kind.choices],
        required=False,
    )

    def __init__(self, *args: Any, tags: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        tag_field: Any = self.fields["tag"]
        tag_field.queryset = tags


class MaterialForm(PlatformModelForm):
    upload = forms.FileField(
        label=pgettext_lazy("material field", "File"),
        help_text=_(
            "PDF, Word, Excel, PowerPoint, OpenDocument, RTF, TXT or CSV, up to 30 MB. "
            "A PDF gets a picture of its first page; Word, OpenDocument and text files show their "
            "beginning."
        ),
    )
    tags_text = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=600,
        help_text=_("Separated by commas, for example: бюджет, шаблон договора."),
    )

    class Meta:
        model = Material
        fields = ["title", "kind", "description", "topics"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "topics": forms.CheckboxSelectMultiple,
        }
        help_texts = {"description": _("Markdown: **bold**, lists, links.")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["upload"].required = False
            self.fields["upload"].help_text = _("Only to replace the file: %(name)s.") % {
                "name": self.instance.original_name
            }
            self.initial["tags_text"] = ", ".join(t.name for t in self.instance.tags.all())

    def clean_upload(self) -> Any:
        upload = self.cleaned_data.get("upload")
        if upload is None:
            return None
        try:
            documents.check_material_file(upload)
        except ValidationError as error:
            raise forms.ValidationError(error.messages[0]) from error
        return upload


class LessonMaterialForm(PlatformForm):
    material = forms.ModelChoiceField(
        label=_("Material from the library"), queryset=Material.objects.none()
    )

    def __init__(self, *args: Any, materials: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["material"]
        field.queryset = materials
