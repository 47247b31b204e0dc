from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from nkohub.core.forms import PlatformForm
from nkohub.notifications.models import ALL_KINDS, EmailMode

FOLLOW_DEFAULT = ""


class PreferencesForm(PlatformForm):
    """The default for every kind, and for each kind either "as the default" or its own choice."""

    def __init__(
        self, *args: Any, sections: list[dict[str, Any]], default_mode: str | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields[ALL_KINDS] = forms.ChoiceField(
            label=_("All notifications"),
            choices=EmailMode.choices,
            initial=default_mode or EmailMode.IMMEDIATE,
            widget=forms.RadioSelect,
        )
        self.sections = []
        for section in sections:
            names = []
            for row in section["rows"]:
                self.fields[row["code"]] = forms.ChoiceField(
                    label=row["label"],
                    choices=[(FOLLOW_DEFAULT, _("As for all")), *EmailMode.choices],
                    initial=row["mode"],
                    widget=forms.RadioSelect,
                    required=False,
                )
                names.append(row["code"])
            self.sections.append({"name": section["name"], "names": names})

    def modes(self) -> dict[str, str]:
        """Kind → mode; "" means the kind follows the person's default. Kinds not posted keep their setting."""
        return {name: self.cleaned_data[name] for name in self.fields if name in self.data}

    def bound_sections(self) -> list[dict[str, Any]]:
        return [
            {"name": s["name"], "fields": [self[name] for name in s["names"]]}
            for s in self.sections
        ]
