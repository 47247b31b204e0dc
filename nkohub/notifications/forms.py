from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nkohub.notifications.models import ALL_KINDS, EmailMode


class PreferencesForm(forms.Form):
    """One choice per kind of notification, plus the default for kinds not listed."""

    def __init__(
        self, *args: Any, rows: list[dict[str, Any]], default_mode: str | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields[ALL_KINDS] = forms.ChoiceField(
            label=_("Everything else (and new kinds of notifications)"),
            choices=EmailMode.choices,
            initial=default_mode or EmailMode.IMMEDIATE,
            widget=forms.RadioSelect,
        )
        self.kind_fields = []
        for row in rows:
            self.fields[row["code"]] = forms.ChoiceField(
                label=row["label"],
                choices=EmailMode.choices,
                initial=row["mode"],
                widget=forms.RadioSelect,
                required=False,  # a kind left out of the form keeps its setting
            )
            self.kind_fields.append(row["code"])

    def modes(self) -> dict[str, str]:
        return {name: value for name, value in self.cleaned_data.items() if value}
