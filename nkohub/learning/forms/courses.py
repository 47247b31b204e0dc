"""Forms of learning: the catalogue's filters, enrolment, authoring (course, cohort, module, lesson,
quiz and questions), a quiz built from its questions, the certificate check."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from nkohub.core.forms import BoundedDateField, PlatformForm, PlatformModelForm
from nkohub.learning.documents import check_material_file, is_video
from nkohub.learning.embeds import embed_address
from nkohub.learning.models import (
    Cohort,
    Course,
    Lesson,
    Module,
    Question,
    Quiz,
    Recording,
    Topic,
)
from nkohub.organizations.models import Organization

MAX_VIDEO_BYTES = 500 * 1024 * 1024
MAX_FILE_BYTES = 50 * 1024 * 1024
VIDEO_TYPES = ("video/mp4", "video/webm", "video/ogg")


class CatalogueFilterForm(PlatformForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), required=False, to_field_name="slug"
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=[("", _("any")), *Course.Format.choices], required=False
    )


class EnrolForm(PlatformForm):
    cohort = forms.ModelChoiceField(label=_("Cohort"), queryset=Cohort.objects.none())
    share_with = forms.ModelChoiceField(
        label=_("Show my progress to the owners of"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("nobody"),
        help_text=_("You can withdraw this consent at any time on the course page."),
    )

    def __init__(self, *args: Any, course: Course, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if course.format == Course.Format.COHORT:
            cohort_field: Any = self.fields["cohort"]
            cohort_field.queryset = course.cohorts.order_by("starts_on")
        else:
            del self.fields["cohort"]
        share_field: Any = self.fields["share_with"]
        share_field.queryset = organizations
        if not organizations.exists():
            del self.fields["share_with"]


class SharingForm(PlatformForm):
    share_with = forms.ModelChoiceField(
        label=_("Show my progress to the owners of"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("nobody"),
    )

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        share_field: Any = self.fields["share_with"]
        share_field.queryset = organizations


class CourseForm(PlatformModelForm):
    authors = forms.ModelMultipleChoiceField(
        label=_("Authors (experts)"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They can edit the course and its lessons."),
    )

    class Meta:
        model = Course
        fields = ["title", "slug", "topic", "summary", "description", "audience", "format", "hours"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "slug": _("Latin letters, digits and hyphens: the course's address."),
            "description": _("Markdown: **bold**, lists, links."),
        }

    def __init__(self, *args: Any, may_name_authors: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if may_name_authors:
            authors_field: Any = self.fields["authors"]
            # experts already named on a course and operators; anyone else is added by e-mail
            authors_field.queryset = (
                get_user_model()
                .objects.filter(is_active=True)
                .filter(Q(is_operator=True) | Q(authored_courses__isnull=False))
                .distinct()
                .order_by("full_name", "email")
            )
            if self.instance.pk:
                self.initial["authors"] = list(self.instance.authors.all())
            self.fields["author_email"] = forms.EmailField(
                label=_("Add an author by e-mail"), required=False
            )
        else:
            del self.fields["authors"]

    def clean_author_email(self) -> Any:
        email = self.cleaned_data.get("author_email", "")
        if not email:
            return None
        person = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("Nobody with this e-mail is registered."))
        return person

    def chosen_authors(self) -> list[Any] | None:
        if "authors" not in self.fields:
            return None
        chosen = list(self.cleaned_data.get("authors") or [])
        extra = self.cleaned_data.get("author_email")
        if extra is not None and extra not in chosen:
            chosen.append(extra)
        return chosen


class CohortForm(PlatformModelForm):
    starts_on = BoundedDateField(label=_("Starts"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = BoundedDateField(label=_("Ends"), widget=forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = Cohort
        fields = ["title", "starts_on", "ends_on", "capacity"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end must not be before the start."))
        return data


class ModuleForm(PlatformModelForm):
    class Meta:
        model = Module
        fields = ["title"]


class VideoSourceMixin:
    """The checks of a video's two sources, shared by lessons and recordings: an embed link from VK Video
    or RuTube (`embed_url`), an uploaded file (`video_upload`)."""

    cleaned_data: dict[str, Any]

    def clean_embed_url(self) -> str:
        url = self.cleaned_data.get("embed_url", "")
        if url and not embed_address(url):
            raise forms.ValidationError(_("Paste a link to a video on VK Video or RuTube."))
        return str(url)

    def clean_video_upload(self) -> Any:
        upload = self.cleaned_data.get("video_upload")
        if upload is None:
            return None
        if upload.size > MAX_VIDEO_BYTES:
            raise forms.ValidationError(_("The video is larger than 500 MB."))
        if getattr(upload, "content_type", "") not in VIDEO_TYPES or not is_video(upload):
            raise forms.ValidationError(_("Upload an MP4, WebM or Ogg video."))
        return upload


class LessonForm(VideoSourceMixin, PlatformModelForm):
    video_upload = forms.FileField(
        label=_("Video file (MP4 or WebM)"),
        required=False,
        help_text=_("Up to 500 MB."),
    )

    class Meta:
        model = Lesson
        fields = ["title", "kind", "body", "embed_url", "recording", "minutes", "position"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        help_texts = {
            "body": _("Markdown. For a video, files or a quiz: what to pay attention to."),
            "embed_url": _("A link to a video on VK Video or RuTube."),
            "recording": _("For a lesson of kind «webinar recording»: a published recording."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        recording: Any = self.fields["recording"]
        recording.queryset = Recording.objects.filter(status=Recording.Status.PUBLISHED).order_by(
            "-held_on", "title"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Lesson.Kind.EMBED and not data.get("embed_url"):
            self.add_error("embed_url", _("Paste a link to a video on VK Video or RuTube."))
        if data.get("kind") == Lesson.Kind.RECORDING and not data.get("recording"):
            self.add_error("recording", _("Choose the webinar recording."))
        return data


class LessonFileForm(PlatformForm):
    upload = forms.FileField(label=_("File"), help_text=_("Up to 50 MB."))
    title = forms.CharField(label=_("Caption"), required=False, max_length=200)

    def clean_upload(self) -> Any:
        upload = self.cleaned_data["upload"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        check_material_file(upload, max_bytes=MAX_FILE_BYTES)
        return upload


class QuizSettingsForm(PlatformModelForm):
    class Meta:
        model = Quiz
        fields = ["pass_mark", "max_attempts"]


class QuestionForm(PlatformModelForm):
    choices_text = forms.CharField(
        label=_("Answers to choose from"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5_000,
        help_text=_("One answer per line; put * before each right one."),
    )

    class Meta:
        model = Question
        fields = ["kind", "text", "explanation", "accepted_answers"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "explanation": forms.Textarea(attrs={"rows": 3}),
            "accepted_answers": forms.Textarea(attrs={"rows": 3}),
        }

    def parsed_choices(self) -> list[tuple[str, bool]]:
        found = []
        for line in (self.cleaned_data.get("choices_text") or "").splitlines():
            line = line.strip()
            if not line:
                continue
            correct = line.startswith("*")
            text = line.lstrip("*").strip()[:500]
            if text:
                found.append((text, correct))
        return found


class QuizForm(PlatformForm):
    """The questions of a quiz as fields named q<pk>; the hidden token makes a resent form count once."""

    token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            name = f"q{question.pk}"
            choices = [(choice.pk, choice.text) for choice in question.choices.all()]
            if question.kind == Question.Kind.SINGLE:
                self.fields[name] = forms.TypedChoiceField(
                    label=question.text,
                    choices=choices,
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=False,
                )
            elif question.kind == Question.Kind.MULTIPLE:
                self.fields[name] = forms.TypedMultipleChoiceField(
                    label=question.text,
                    choices=choices,
                    coerce=int,
                    widget=forms.CheckboxSelectMultiple,
                    required=False,
                    help_text=_("Several answers may be right."),
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text, required=False, max_length=500
                )

    def responses(self) -> dict[int, list[int] | str]:
        found: dict[int, list[int] | str] = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if question.kind == Question.Kind.SHORT:
                found[question.pk] = value or ""
            elif question.kind == Question.Kind.SINGLE:
                found[question.pk] = [value] if value not in (None, "") else []
            else:
                found[question.pk] = list(value or [])
        return found


class CertificateLookupForm(PlatformForm):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=30,
        help_text=_("As printed on the certificate, for example 7KQ2-M9XD-4TRB."),
    )


class RevokeForm(PlatformForm):
    reason = forms.CharField(label=_("Reason"), max_length=300)
