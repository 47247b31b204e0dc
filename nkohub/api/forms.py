"""Forms of the API's cabinet pages: a new token, a new webhook."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from nkohub.api.models import Scope, WebhookEvent
from nkohub.core.forms import PlatformForm
from nkohub.organizations.models import Organization


class TokenForm(PlatformForm):
    name = forms.CharField(
        label=pgettext_lazy("api token field", "Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. «Сайт организации»."),
    )
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Scope.READ],
    )

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organization"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organizations


class WebhookForm(PlatformForm):
    url = forms.URLField(
        label=_("Address (URL)"),
        max_length=500,
        assume_scheme="https",
        help_text=_("We POST JSON there, signed with the webhook's secret."),
    )
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    events = forms.MultipleChoiceField(
        label=pgettext_lazy("webhook field", "Events"),
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, organizations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organization"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = organizations
