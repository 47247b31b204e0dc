from typing import Any

from django import forms

from nkohub.territories.models import Municipality
from nkohub.territories.selectors import municipalities_home_first


class MunicipalityChoiceField(forms.ModelChoiceField):
    """A select of municipalities grouped by region, the home region's first."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", municipalities_home_first())
        super().__init__(**kwargs)

    def label_from_instance(self, obj: Municipality) -> str:
        return obj.name

    def _get_choices(self) -> Any:
        groups: dict[str, list[tuple[Any, str]]] = {}
        for municipality in self.queryset:  # type: ignore[union-attr]
            groups.setdefault(municipality.region.name, []).append(
                (self.prepare_value(municipality), self.label_from_instance(municipality))
            )
        choices: list[Any] = []
        if self.empty_label is not None:
            choices.append(("", self.empty_label))
        choices.extend(groups.items())
        return choices

    choices = property(_get_choices, forms.ChoiceField.choices.fset)  # type: ignore[attr-defined]
