from collections.abc import Iterable, Iterator
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator

from nkohub.territories.models import Municipality
from nkohub.territories.selectors import municipalities_home_first, region_municipalities


class MunicipalityGroupsIterator(ModelChoiceIterator):
    """Choices in the queryset's order (home region first); grouped by region (an <optgroup> each)
    only when they come from more than one."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list[Any]] = {}
        for municipality in self.queryset:
            groups.setdefault(municipality.region.name, []).append(self.choice(municipality))
        if len(groups) == 1:
            yield from next(iter(groups.values()))
        else:
            yield from groups.items()


class _MunicipalityChoices(forms.ModelChoiceField):
    """What both municipality fields share: the cluster's own municipalities unless the page is about
    the whole country, read afresh for every form (the region is a setting), plus `keep(...)`: values
    an edited record already has elsewhere (an imported organisation of another region keeps its own)."""

    iterator = MunicipalityGroupsIterator
    whole_country = False

    def _choices_queryset(self, keep: Iterable[int | None] = ()) -> QuerySet[Municipality]:
        return (
            municipalities_home_first() if self.whole_country else region_municipalities(keep=keep)
        )

    def keep(self, *pks: int | None) -> None:
        self.queryset = self._choices_queryset(keep=pks)

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        result = super().__deepcopy__(memo)
        result.queryset = self._choices_queryset()
        return result

    def label_from_instance(self, obj: Municipality) -> str:
        return obj.name


class MunicipalityChoiceField(_MunicipalityChoices):
    """A select of the cluster's municipalities (`whole_country=True`: of every region, grouped)."""

    def __init__(self, *, whole_country: bool = False, **kwargs: Any) -> None:
        self.whole_country = whole_country
        super().__init__(queryset=self._choices_queryset(), **kwargs)


class MunicipalitiesChoiceField(_MunicipalityChoices, forms.ModelMultipleChoiceField):
    """Several of the cluster's municipalities (`whole_country=True`: of every region, grouped)."""

    def __init__(self, *, whole_country: bool = False, **kwargs: Any) -> None:
        self.whole_country = whole_country
        super().__init__(queryset=self._choices_queryset(), **kwargs)
