from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.forms import PlatformForm, PlatformModelForm
from nkohub.core.images import validate_image
from nkohub.core.validators import normalize_digits, validate_inn, validate_ogrn
from nkohub.organizations.documents import validate_claim_document
from nkohub.organizations.imports.readers import FIELDS
from nkohub.organizations.models import (
    LOGO_MAX_BYTES,
    LOGO_MIN_SIZE,
    Claim,
    ImportRun,
    LegalForm,
    Membership,
    Organization,
    Sphere,
)
from nkohub.organizations.selectors import SORTS, DirectoryQuery
from nkohub.territories.forms import MunicipalityChoiceField


class DirectoryFilterForm(PlatformForm):
    """The directory's query string; unknown or broken values are dropped, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=pgettext_lazy("organisation", "Kind"),
        required=False,
        choices=[("", _("any")), *list(Organization.Kind.choices)],
    )
    sphere = forms.CharField(required=False, max_length=50)
    register = forms.ChoiceField(
        required=False, choices=[("", _("any")), *list(Organization.Register.choices)]
    )
    legal_form = forms.IntegerField(required=False, min_value=1)
    municipality = forms.IntegerField(required=False, min_value=1)
    verified = forms.BooleanField(label=_("Only verified"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            ("", _("best match / name")),
            ("relevance", _("best match")),
            ("name", _("name")),
            ("-registration_date", _("newest registration")),
            ("-created_at", _("recently added")),
        ],
    )

    def directory_query(self) -> DirectoryQuery:
        data = (
            self.cleaned_data
            if self.is_valid()
            else {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        )
        sort = data.get("sort") or ""
        return DirectoryQuery(
            q=(data.get("q") or "").strip(),
            kind=data.get("kind") or "",
            sphere=data.get("sphere") or "",
            register=data.get("register") or "",
            legal_form=data.get("legal_form"),
            municipality=data.get("municipality"),
            verified=bool(data.get("verified")),
            sort=sort if sort in SORTS else "",
        )


class IdentifierMixin:
    cleaned_data: dict[str, Any]

    def clean_inn(self) -> str | None:
        value = normalize_digits(self.cleaned_data.get("inn") or "")
        if value:
            validate_inn(value)
        return value or None

    def clean_ogrn(self) -> str | None:
        value = normalize_digits(self.cleaned_data.get("ogrn") or "")
        if value:
            validate_ogrn(value)
        return value or None


class OrganizationForm(IdentifierMixin, PlatformModelForm):
    municipality = MunicipalityChoiceField(label=_("Municipality"), required=False)
    spheres = forms.ModelMultipleChoiceField(
        label=_("Spheres of activity"),
        queryset=Sphere.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # A plain file field: the picture is judged by core.images.validate_image (clean_logo), with
    # the same messages as every other upload of a picture.
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPEG, PNG or WebP, up to 2 MB; a square picture looks best."),
    )
    social_links_text = forms.CharField(
        label=_("Social links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One link per line: VK, Telegram, Odnoklassniki…"),
    )

    class Meta:
        model = Organization
        fields = [
            "kind", "full_name", "short_name", "legal_form", "register", "inn", "ogrn", "kpp", "registration_date",
            "status", "municipality", "address", "description", "website", "public_email", "public_phone", "logo",
        ]  # fmt: skip
        widgets = {
            "registration_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "description": _("What the organisation does, for whom, where. Markdown is allowed.")
        }

    def __init__(self, *args: Any, operator: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(
            forms.ModelChoiceField, self.fields["legal_form"]
        ).queryset = LegalForm.objects.order_by("name")
        cast(MunicipalityChoiceField, self.fields["municipality"]).keep(
            self.instance.municipality_id
        )
        if self.instance.pk:
            self.fields["spheres"].initial = list(
                self.instance.spheres.values_list("pk", flat=True)
            )
            self.fields["social_links_text"].initial = "\n".join(self.instance.social_links or [])
        # a form sent without it keeps the register the organisation is in
        self.fields["register"].required = False
        if not operator:
            for name in ("kind", "register", "inn", "ogrn", "status"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Changed by an operator of the resource centre on request."
                )

    def clean_register(self) -> str:
        return self.cleaned_data.get("register") or self.instance.register

    def clean_social_links_text(self) -> list[str]:
        links = [
            line.strip()
            for line in (self.cleaned_data.get("social_links_text") or "").splitlines()
            if line.strip()
        ]
        validator = forms.URLField()
        for link in links:
            try:
                validator.clean(link)
            except ValidationError as exc:
                raise ValidationError(_("%(link)s is not a valid link.") % {"link": link}) from exc
        return links[:10]

    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            validate_image(logo, max_bytes=LOGO_MAX_BYTES, min_size=LOGO_MIN_SIZE)
        return logo

    def profile_data(self) -> dict[str, Any]:
        data = {
            name: self.cleaned_data[name] for name in self.Meta.fields if name in self.cleaned_data
        }
        data["social_links"] = self.cleaned_data.get("social_links_text", [])
        if (
            data.get("logo") is None
        ):  # False means the «clear» box is ticked: the service removes it
            data.pop("logo", None)
        return data


class ClaimForm(PlatformForm):
    stated_role = forms.ChoiceField(
        label=_("Your role in the organisation"), choices=Claim.StatedRole.choices
    )
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    document = forms.FileField(
        label=_("Supporting document"),
        help_text=_(
            "An order of appointment, a power of attorney or a minute of the meeting: PDF, JPG or PNG up to 10 MB."
        ),
    )
    comment = forms.CharField(
        label=_("Comment for the operator"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_document(self) -> Any:
        document = self.cleaned_data["document"]
        validate_claim_document(document)
        return document


class RegistrationForm(IdentifierMixin, PlatformForm):
    kind = forms.ChoiceField(
        label=pgettext_lazy("organisation", "Kind"),
        choices=Organization.Kind.choices,
        initial=Organization.Kind.NGO,
    )
    full_name = forms.CharField(label=pgettext_lazy("organisation", "Full name"), max_length=500)
    short_name = forms.CharField(label=_("Short name"), max_length=200, required=False)
    legal_form = forms.ModelChoiceField(
        label=_("Legal form"), queryset=LegalForm.objects.order_by("name"), required=False
    )
    inn = forms.CharField(label=_("INN"), max_length=14, required=False)
    ogrn = forms.CharField(label=_("OGRN"), max_length=15, required=False)
    municipality = MunicipalityChoiceField(label=_("Municipality"))
    address = forms.CharField(label=_("Address"), max_length=500, required=False)
    spheres = forms.ModelMultipleChoiceField(
        label=_("Spheres of activity"),
        queryset=Sphere.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    stated_role = forms.ChoiceField(
        label=_("Your role in the organisation"), choices=Claim.StatedRole.choices
    )
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    document = forms.FileField(
        label=_("Supporting document"),
        required=False,
        help_text=_("Speeds up the check: PDF, JPG or PNG up to 10 MB."),
    )
    comment = forms.CharField(
        label=_("Comment for the operator"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm_not_duplicate = forms.BooleanField(
        label=_("This is a different organisation, not one of the similar ones found"),
        required=False,
    )

    def clean_document(self) -> Any:
        document = self.cleaned_data.get("document")
        if document:
            validate_claim_document(document)
        return document

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("inn") and not data.get("ogrn"):
            raise ValidationError(_("Enter the organisation's INN or OGRN."))
        return data

    def organization_data(self) -> dict[str, Any]:
        fields = (
            "kind",
            "full_name",
            "short_name",
            "legal_form",
            "inn",
            "ogrn",
            "municipality",
            "address",
            "description",
        )
        return {
            name: self.cleaned_data.get(name)
            or ("" if name in ("short_name", "address", "description") else None)
            for name in fields
        }


class RejectClaimForm(PlatformForm):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The claimant will see it."),
        max_length=2000,
    )


class InvitationForm(PlatformForm):
    email = forms.EmailField(label=_("E-mail"))
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER
    )


class RoleForm(PlatformForm):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)


class ImportForm(PlatformForm):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "CSV (UTF-8 or Windows-1251, comma or semicolon), XLSX, the Ministry of Justice's XML "
            "or an EGRUL extract of the Federal Tax Service (XML)."
        ),
    )
    format = forms.ChoiceField(
        label=_("Format"), choices=ImportRun.Format.choices, initial=ImportRun.Format.AUTO
    )
    mapping = forms.CharField(
        label=_("Column mapping"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Only when headings differ from the usual ones: one line per column, «field = Heading in the file». Fields: %(fields)s."
        )
        % {"fields": ", ".join(FIELDS)},
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: show what would change, change nothing"), required=False, initial=True
    )

    def clean_mapping(self) -> dict[str, str]:
        mapping = {}
        for line in (self.cleaned_data.get("mapping") or "").splitlines():
            if not line.strip():
                continue
            field, sep, heading = line.partition("=")
            field, heading = field.strip(), heading.strip()
            if not sep or not heading:
                raise ValidationError(
                    _("Write each line as «field = Heading»: %(line)s") % {"line": line}
                )
            if field not in FIELDS:
                raise ValidationError(_("Unknown field «%(field)s».") % {"field": field})
            mapping[field] = heading
        return mapping
