from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nkohub.core.validators import validate_inn, validate_kpp, validate_ogrn


class Sphere(models.Model):
    """A sphere of activity: the Presidential Grants Fund's 13 directions plus the region's own list."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200, unique=True)
    is_fund_direction = models.BooleanField(_("direction of the Presidential Grants Fund"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=100)

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


class Organization(models.Model):
    class Kind(models.TextChoices):
        NGO = "ngo", _("non-profit organisation")
        AUTHORITY = "authority", _("authority")
        BUSINESS = "business", _("business")
        MEDIA = "media", _("media outlet")
        RESOURCE_CENTRE = "resource_centre", _("resource centre")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        LIQUIDATED = "liquidated", _("liquidated")

    class Source(models.TextChoices):
        MANUAL = "manual", _("entered on the platform")
        MINJUST = "minjust", _("Ministry of Justice registry")
        SPREADSHEET = "spreadsheet", _("spreadsheet import")
        FUND_CARD = "fund_card", _("Presidential Grants Fund project card")
        DEMO = "demo", _("demo data")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NGO, db_index=True)
    full_name = models.CharField(_("full name"), max_length=500)
    short_name = models.CharField(_("short name"), max_length=200, blank=True)
    legal_form = models.ForeignKey(
        LegalForm, verbose_name=_("legal form"), null=True, blank=True, on_delete=models.PROTECT
    )
    inn = models.CharField(_("INN"), max_length=12, null=True, blank=True, unique=True, validators=[validate_inn])
    ogrn = models.CharField(_("OGRN"), max_length=13, null=True, blank=True, unique=True, validators=[validate_ogrn])
    kpp = models.CharField(_("KPP"), max_length=9, blank=True, validators=[validate_kpp])
    registration_date = models.DateField(_("registration date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    municipality = models.ForeignKey(
        "territories.Municipality",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    address = models.CharField(_("address"), max_length=500, blank=True)
    spheres = models.ManyToManyField(Sphere, verbose_name=_("spheres of activity"), blank=True, related_name="organizations")
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    social_links = models.JSONField(_("social links"), default=list, blank=True)
    public_email = models.EmailField(_("public e-mail"), blank=True)
    public_phone = models.CharField(_("public phone"), max_length=32, blank=True)
    logo = models.ImageField(_("logo"), upload_to="organizations/logos/", blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.MANUAL)
    source_id = models.CharField(_("id in the source"), max_length=100, blank=True)
    is_verified = models.BooleanField(_("verified by an operator"), default=False, db_index=True)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organizations", blank=True
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["full_name"]
        indexes = [models.Index(fields=["kind", "status"])]

    def __str__(self) -> str:
        return self.short_name or self.full_name

    @property
    def display_name(self) -> str:
        return self.short_name or self.full_name


class Membership(models.Model):
    """A person acting for an organisation: owner (manages members), editor (acts for it), member."""

    class Role(models.TextChoices):
        OWNER = "owner", _("owner")
        EDITOR = "editor", _("editor")
        MEMBER = "member", _("member")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    position = models.CharField(_("position"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organization", "role", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="membership_unique_person_organization"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organization} ({self.get_role_display()})"
