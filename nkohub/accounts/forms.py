from typing import Any

from allauth.account import forms as allauth_forms
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from nkohub.accounts.models import User
from nkohub.accounts.services import user_record_signup_consents
from nkohub.core.forms import InputLimitsMixin, PlatformForm, PlatformModelForm


def _consent_label() -> str:
    return format_html(
        str(
            _(
                'I give my <a href="{}" target="_blank">consent to the processing of my personal data</a>'
            )
        ),
        reverse("accounts:consent_text"),
    )


def _policy_label() -> str:
    return format_html(
        str(_('I have read the <a href="{}" target="_blank">personal data processing policy</a>')),
        reverse("accounts:privacy_policy"),
    )


class SignupForm(InputLimitsMixin, AllauthSignupForm):
    """Sign-up with two separate ticks: consent to processing (a document of its own) and the policy."""

    full_name = forms.CharField(label=_("Full name"), max_length=200, required=True)
    consent_personal_data = forms.BooleanField(
        label=lazy(_consent_label, str)(),
        required=True,
        error_messages={
            "required": _(
                "Without consent to personal data processing we cannot create an account."
            )
        },
    )
    accept_policy = forms.BooleanField(
        label=lazy(_policy_label, str)(),
        required=True,
        error_messages={"required": _("Please confirm that you have read the processing policy.")},
    )

    field_order = [
        "full_name",
        "email",
        "password1",
        "password2",
        "consent_personal_data",
        "accept_policy",
    ]

    def save(self, request: HttpRequest) -> User:
        user: User = super().save(request)
        user.full_name = self.cleaned_data["full_name"].strip()
        user.save(update_fields=["full_name"])
        user_record_signup_consents(
            user=user,
            ip_address=request.META.get("REMOTE_ADDR"),
            user_agent=request.headers.get("user-agent", ""),
        )
        return user


class ProfileForm(PlatformModelForm):
    class Meta:
        model = User
        fields = ["full_name", "phone", "about"]
        widgets = {"about": forms.Textarea(attrs={"rows": 5})}

    def clean_phone(self) -> str:
        phone: str = self.cleaned_data["phone"].strip()
        digits = [ch for ch in phone if ch.isdigit()]
        if phone and not 10 <= len(digits) <= 15:
            raise forms.ValidationError(
                _("Enter a phone number with 10 to 15 digits, e.g. +7 484 222-33-44.")
            )
        return phone


class DeleteAccountForm(PlatformForm):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput)
    confirm = forms.BooleanField(
        label=_(
            "I understand that my personal data will be destroyed and the account cannot be restored"
        ),
        required=True,
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is wrong."))
        return password


# allauth's own forms with the platform's input limits (ACCOUNT_FORMS in settings): a password of a
# megabyte is refused by the form, not hashed.
class LoginForm(InputLimitsMixin, allauth_forms.LoginForm):
    pass


class ResetPasswordForm(InputLimitsMixin, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(InputLimitsMixin, allauth_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(InputLimitsMixin, allauth_forms.ChangePasswordForm):
    pass


class SetPasswordForm(InputLimitsMixin, allauth_forms.SetPasswordForm):
    pass


class AddEmailForm(InputLimitsMixin, allauth_forms.AddEmailForm):
    pass
