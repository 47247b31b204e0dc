from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An e-mail is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("is_operator", True)
        return self._create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. E-mail is the login; rights come from memberships and the operator flag."""

    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    about = models.TextField(_("about"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff (admin site)"), default=False)
    is_operator = models.BooleanField(
        _("operator of the resource centre"),
        default=False,
        help_text=_("Moderates, verifies organisations and sees everything."),
    )
    is_demo = models.BooleanField(_("demo account"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def display_name(self) -> str:
        return self.full_name or self.email.split("@")[0]

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.display_name


class Consent(models.Model):
    """Proof of one consent (152-ФЗ): which document, which version, when and from where."""

    class Kind(models.TextChoices):
        PERSONAL_DATA = "personal_data", _("Consent to personal data processing")
        POLICY = "policy", _("Acknowledgement of the processing policy")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="consents")
    kind = models.CharField(_("document"), max_length=32, choices=Kind.choices)
    version = models.CharField(_("version"), max_length=32)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "version"], name="consent_once_per_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.version}"


class DeletionRecord(models.Model):
    """The act of destroying a person's data: who asked, who did it, what was removed, when.

    Kept without the personal data itself (only the account number and a summary),
    as 152-ФЗ asks for documented destruction.
    """

    user_id_ref = models.BigIntegerField(_("account number"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=200)
    performed_at = models.DateTimeField(_("performed"), default=timezone.now)
    summary = models.JSONField(_("what was removed or anonymised"), default=dict)

    class Meta:
        verbose_name = _("personal data deletion record")
        verbose_name_plural = _("personal data deletion records")
        ordering = ["-performed_at"]

    def __str__(self) -> str:
        return f"#{self.user_id_ref} {self.performed_at:%Y-%m-%d}"


class RetentionDestruction(models.Model):
    """A record of personal data destroyed because its retention period ran out (152-ФЗ): which rule,
    what, how many items, up to which moment, when. Holds no personal data itself."""

    rule = models.CharField(_("rule"), max_length=100, db_index=True)
    what = models.CharField(_("what was destroyed"), max_length=200)
    count = models.PositiveIntegerField(_("how many"))
    period_days = models.PositiveIntegerField(_("retention period, days"))
    cutoff = models.DateTimeField(_("expired before"))
    performed_at = models.DateTimeField(_("performed"), default=timezone.now)

    class Meta:
        verbose_name = _("destruction of expired personal data")
        verbose_name_plural = _("destructions of expired personal data")
        ordering = ["-performed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.rule} {self.count} {self.performed_at:%Y-%m-%d}"
