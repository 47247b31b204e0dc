import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.core.images import MB, ImageSlot, initials, slot_url
from nkohub.core.storage import private_storage
from nkohub.core.validators import validate_inn, validate_kpp, validate_ogrn
from nkohub.organizations.constraints import inn_is_valid, ogrn_is_valid


class Sphere(models.Model):
    """A sphere of activity: the Presidential Grants Fund's 13 directions plus the region's own list."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    is_fund_direction = models.BooleanField(
        _("direction of the Presidential Grants Fund"), default=False
    )
    short_name = models.CharField(
        pgettext_lazy("organisation", "short name"),
        max_length=100,
        blank=True,
        help_text=_(
            "How spreadsheets often name it; imports recognise it as well as the full name."
        ),
    )
    position = models.PositiveSmallIntegerField(pgettext_lazy("order", "position"), default=100)

    class Meta:
        verbose_name = _("sphere of activity")
        verbose_name_plural = _("spheres of activity")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class LegalForm(models.Model):
    """Organisational and legal form, as in the Ministry of Justice's registry."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("abbreviation"), max_length=30, blank=True)
    is_nonprofit = models.BooleanField(_("non-profit form"), default=True)

    class Meta:
        verbose_name = _("legal form")
        verbose_name_plural = _("legal forms")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# the values of Organization.Register, as the database's check constraint lists them
REGISTERS = ["nonprofit", "public_association", "religious", "cossack", "foreign_ngo_branch"]

# An organisation's logo: shown up to 96 px (192 px on sharp screens), never cropped.
LOGO = ImageSlot(field="logo", thumbnail_field="logo_thumbnail", size=(192, 192), crop=False)
LOGO_MAX_BYTES = 2 * MB
LOGO_MIN_SIZE = (32, 32)


class Organization(models.Model):
    class Kind(models.TextChoices):
        NGO = "ngo", _("non-profit organisation")
        AUTHORITY = "authority", _("authority")
        BUSINESS = "business", _("business")
        MEDIA = "media", _("media outlet")
        RESOURCE_CENTRE = "resource_centre", _("resource centre")
        OTHER = "other", pgettext_lazy("organisation", "other")

    class Status(models.TextChoices):
        ACTIVE = "active", pgettext_lazy("organisation", "active")
        LIQUIDATED = "liquidated", _("liquidated")

    class Source(models.TextChoices):
        MANUAL = "manual", _("entered on the platform")
        MINJUST = "minjust", _("Ministry of Justice registry")
        SPREADSHEET = "spreadsheet", _("spreadsheet import")
        EGRUL = "egrul", _("EGRUL extract of the Federal Tax Service")
        FUND_CARD = "fund_card", _("Presidential Grants Fund project card")
        DEMO = "demo", _("demo data")

    class Register(models.TextChoices):
        """The registers of the Ministry of Justice's registry of non-profits."""

        NONPROFIT = "nonprofit", _("non-profit organisations")
        PUBLIC_ASSOCIATION = "public_association", _("public associations")
        RELIGIOUS = "religious", _("religious organisations")
        COSSACK = "cossack", _("Cossack societies")
        FOREIGN_NGO_BRANCH = "foreign_ngo_branch", _("branches of foreign NGOs")

    kind = models.CharField(
        pgettext_lazy("organisation", "kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.NGO,
        db_index=True,
    )
    full_name = models.CharField(pgettext_lazy("organisation", "full name"), max_length=500)
    short_name = models.CharField(
        pgettext_lazy("organisation", "short name"), max_length=200, blank=True
    )
    legal_form = models.ForeignKey(
        LegalForm, verbose_name=_("legal form"), null=True, blank=True, on_delete=models.PROTECT
    )
    inn = models.CharField(
        _("INN"), max_length=12, null=True, blank=True, unique=True, validators=[validate_inn]
    )
    ogrn = models.CharField(
        _("OGRN"), max_length=13, null=True, blank=True, unique=True, validators=[validate_ogrn]
    )
    kpp = models.CharField(_("KPP"), max_length=9, blank=True, validators=[validate_kpp])
    registration_date = models.DateField(_("registration date"), null=True, blank=True)
    register = models.CharField(
        pgettext_lazy("Ministry of Justice", "register"),
        max_length=30,
        choices=Register.choices,
        default=Register.NONPROFIT,
        db_index=True,
        help_text=_(
            "The register of the Ministry of Justice the organisation is in: religious organisations, "
            "Cossack societies and branches of foreign NGOs are registers of their own."
        ),
    )
    state_registration_number = models.CharField(
        _("state registration number"), max_length=50, blank=True
    )
    state_registration_date = models.DateField(_("state registration date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    municipality = models.ForeignKey(
        "territories.Municipality",
        verbose_name=pgettext_lazy("organisation", "municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    address = models.CharField(_("address"), max_length=500, blank=True)
    spheres = models.ManyToManyField(
        Sphere, verbose_name=_("spheres of activity"), blank=True, related_name="organizations"
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    social_links = models.JSONField(_("social links"), default=list, blank=True)
    public_email = models.EmailField(_("public e-mail"), blank=True)
    public_phone = models.CharField(_("public phone"), max_length=32, blank=True)
    logo = models.ImageField(_("logo"), upload_to="organizations/logos/", blank=True)
    # Made once from the logo in the background (nkohub.core.images); empty until then.
    logo_thumbnail = models.ImageField(
        _("logo thumbnail"), upload_to="organizations/logos/thumbnails/", blank=True, editable=False
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.MANUAL
    )
    source_id = models.CharField(_("id in the source"), max_length=100, blank=True)
    is_verified = models.BooleanField(_("verified by an operator"), default=False, db_index=True)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_published = models.BooleanField(
        _("shown in the registry"),
        default=True,
        help_text=_(
            "A newly registered organisation is hidden until an operator approves the registration."
        ),
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    # Lemmas of the names and the description (pymorphy3), kept by services; searched on both databases.
    search_text = models.TextField(_("search terms"), blank=True, editable=False)
    created_at = models.DateTimeField(pgettext_lazy("organisation", "created"), auto_now_add=True)
    updated_at = models.DateTimeField(pgettext_lazy("organisation", "updated"), auto_now=True)

    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organizations", blank=True
    )

    # Set on the directory's cards by `selectors.directory._cards` (the spheres' names); not a column.
    card_spheres: list[str]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["full_name"]
        indexes = [
            models.Index(fields=["kind", "status"]),
            models.Index(
                fields=["municipality", "full_name"], name="organization_municipality_name"
            ),
            models.Index(fields=["full_name"], name="organization_full_name"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=inn_is_valid("inn"), name="organization_inn_check_digits"
            ),
            models.CheckConstraint(
                condition=ogrn_is_valid("ogrn"), name="organization_ogrn_check_digits"
            ),
            models.CheckConstraint(
                condition=~Q(full_name=""), name="organization_full_name_not_empty"
            ),
            models.CheckConstraint(
                condition=Q(register__in=REGISTERS), name="organization_register_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.short_name or self.full_name

    @property
    def display_name(self) -> str:
        return self.short_name or self.full_name

    @property
    def logo_src(self) -> str:
        """The logo's thumbnail when it is ready, the original until then, "" without a logo."""
        return slot_url(self, LOGO)

    @property
    def initials(self) -> str:
        return initials(self.display_name)

    @property
    def avatar_tone(self) -> int:
        """One of six colours for the placeholder of an organisation without a logo."""
        return (self.pk or 0) % 6


class Membership(models.Model):
    """A person acting for an organisation: owner (manages members), editor (acts for it), member."""

    class Role(models.TextChoices):
        OWNER = "owner", _("owner")
        EDITOR = "editor", _("editor")
        MEMBER = "member", _("member")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        pgettext_lazy("organisation", "role"),
        max_length=10,
        choices=Role.choices,
        default=Role.MEMBER,
    )
    position = models.CharField(
        pgettext_lazy("organisation", "position"), max_length=200, blank=True
    )
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization", "role", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"], name="membership_unique_person_organization"
            ),
            models.CheckConstraint(
                condition=Q(role__in=["owner", "editor", "member"]), name="membership_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organization} ({self.get_role_display()})"


def claim_document_path(instance: "Claim", filename: str) -> str:
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"organizations/claims/{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{extension}"


class Claim(models.Model):
    """A person asks to act for an organisation: one already in the registry, or one they register."""

    class Kind(models.TextChoices):
        CLAIM = "claim", _("claim of an organisation in the registry")
        REGISTRATION = "registration", _("registration of a new organisation")

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting review")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", pgettext_lazy("organisation", "withdrawn")

    class StatedRole(models.TextChoices):
        HEAD = "head", _("head of the organisation")
        EMPLOYEE = "employee", _("employee with a power of attorney")
        FOUNDER = "founder", _("founder or board member")
        VOLUNTEER = "volunteer", _("volunteer or member")

    kind = models.CharField(
        pgettext_lazy("organisation", "kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.CLAIM,
    )
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="claims")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organization_claims"
    )
    stated_role = models.CharField(_("your role"), max_length=20, choices=StatedRole.choices)
    position = models.CharField(
        pgettext_lazy("organisation", "position"), max_length=200, blank=True
    )
    comment = models.TextField(_("comment"), blank=True)
    document = models.FileField(
        _("supporting document"),
        upload_to=claim_document_path,
        storage=private_storage,
        blank=True,
    )
    document_name = models.CharField(_("document file name"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    created_at = models.DateTimeField(pgettext_lazy("organisation", "submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("claim of an organisation")
        verbose_name_plural = _("claims of organisations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organization"],
                condition=Q(status="pending"),
                name="claim_one_pending_per_person_organization",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(rejection_reason=""),
                name="claim_rejection_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.organization} — {self.user}"


def invitation_token() -> str:
    return secrets.token_urlsafe(32)


def invitation_expiry() -> datetime:
    return timezone.now() + timedelta(days=14)


class Invitation(models.Model):
    """An owner invites a person by e-mail; the person accepts with the link while signed in with that e-mail."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(pgettext_lazy("organisation", "e-mail"))
    role = models.CharField(
        pgettext_lazy("organisation", "role"),
        max_length=10,
        choices=Membership.Role.choices,
        default=Membership.Role.MEMBER,
    )
    token = models.CharField(max_length=64, unique=True, default=invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"), default=invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "email"],
                condition=Q(accepted_at__isnull=True, cancelled_at__isnull=True),
                name="invitation_one_open_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization}"

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.cancelled_at is None
            and self.expires_at > timezone.now()
        )


class ImportRun(models.Model):
    """One import of a file into the registry, with its progress and row-by-row report."""

    class Format(models.TextChoices):
        AUTO = "auto", _("detect by the file")
        MINJUST_XML = "minjust-xml", _("Ministry of Justice open data (XML)")
        MINJUST_CSV = "minjust-csv", _("Ministry of Justice open data (CSV)")
        EGRUL_XML = "egrul-xml", _("EGRUL extract of the Federal Tax Service (XML)")
        CSV = "csv", _("CSV spreadsheet")
        XLSX = "xlsx", _("Excel spreadsheet (XLSX)")

    class Status(models.TextChoices):
        PENDING = "pending", _("queued")
        RUNNING = "running", _("running")
        DONE = "done", _("finished")
        FAILED = "failed", pgettext_lazy("organisation", "failed")

    file = models.FileField(
        _("file"), upload_to="organizations/imports/%Y/%m/", storage=private_storage
    )
    original_name = models.CharField(_("file name"), max_length=255)
    format = models.CharField(
        _("format"), max_length=20, choices=Format.choices, default=Format.AUTO
    )
    mapping = models.JSONField(_("column mapping"), default=dict, blank=True)
    dry_run = models.BooleanField(_("dry run (change nothing)"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(pgettext_lazy("organisation", "created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    bytes_total = models.BigIntegerField(_("file size"), default=0)
    bytes_done = models.BigIntegerField(_("read"), default=0)
    rows_total = models.PositiveIntegerField(_("rows read"), default=0)
    created_count = models.PositiveIntegerField(pgettext_lazy("organisation", "created"), default=0)
    updated_count = models.PositiveIntegerField(pgettext_lazy("organisation", "updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    skipped_count = models.PositiveIntegerField(_("skipped"), default=0)
    excluded_count = models.PositiveIntegerField(_("not imported by design"), default=0)
    excluded_reasons = models.JSONField(
        _("records not imported by design, by reason"), default=dict, blank=True
    )
    problems = models.JSONField(_("skipped rows"), default=list, blank=True)
    changes = models.JSONField(_("sample of changes"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"

    @property
    def progress_percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        if not self.bytes_total:
            return 0
        return min(99, int(self.bytes_done * 100 / self.bytes_total))

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RUNNING)
