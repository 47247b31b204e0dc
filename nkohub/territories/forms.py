from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator

from nkohub.territories.models import Municipality
from nkohub.territories.selectors import municipalities_home_first


class MunicipalityGroupsIterator(ModelChoiceIterator):
    """Choices grouped by region (an <optgroup> each), in the queryset's order: home region first."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list[Any]] = {}
        for municipality in self.queryset:
            groups.setdefault(municipality.region.name, []).append(self.choice(municipality))
        yield from groups.items()


class MunicipalityChoiceField(forms.ModelChoiceField):
    """A select of municipalities grouped by region, the cluster's home region first."""

    iterator = MunicipalityGroupsIterator

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", municipalities_home_first())
        super().__init__(**kwargs)

    def label_from_instance(self, obj: Municipality) -> str:
        return obj.name
