from typing import Any, cast

import pytest
from django import forms
from django.test import override_settings

from nkohub.territories.forms import MunicipalityChoiceField
from nkohub.territories.models import Municipality, Region
from nkohub.territories.services import territories_load_reference

pytestmark = pytest.mark.django_db


def test_reference_has_every_region_and_both_seed_regions_municipalities() -> None:
    territories_load_reference()
    assert Region.objects.count() == 89
    kaluga = Municipality.objects.filter(region__code="40")
    smolensk = Municipality.objects.filter(region__code="67")
    assert kaluga.count() == 26
    assert smolensk.count() == 27
    assert kaluga.filter(name="Обнинск", kind=Municipality.Kind.CITY_DISTRICT).exists()
    assert smolensk.filter(name="Холм-Жирковский район").exists()


def test_loading_the_reference_twice_changes_nothing() -> None:
    territories_load_reference()
    second = territories_load_reference()
    assert second == {"created": 0, "updated": 0}


def test_an_oktmo_entered_by_an_operator_survives_a_reload() -> None:
    territories_load_reference()
    Municipality.objects.filter(name="Обнинск").update(oktmo="29715000")
    territories_load_reference()
    assert Municipality.objects.get(name="Обнинск").oktmo == "29715000"


def _labels(field: Any) -> list[str]:
    return [str(label) for value, label in field.choices if value]


@override_settings(CLUSTER_REGION="67")
def test_forms_offer_only_the_clusters_region() -> None:
    territories_load_reference()
    labels = _labels(MunicipalityChoiceField())
    assert len(labels) == 27
    assert "Вяземский район" in labels
    assert "Обнинск" not in labels


def test_a_form_follows_the_region_of_the_deployment(settings: Any) -> None:
    territories_load_reference()

    class Form(forms.Form):
        municipality = MunicipalityChoiceField()

    assert "Обнинск" in _labels(Form().fields["municipality"])
    settings.CLUSTER_REGION = "67"
    assert "Обнинск" not in _labels(Form().fields["municipality"])


def test_an_edited_record_keeps_its_own_territory_of_another_region() -> None:
    territories_load_reference()
    vyazma = Municipality.objects.get(name="Вяземский район")
    field = MunicipalityChoiceField()
    field.keep(vyazma.pk)
    groups = [label for label, _choices in list(cast(Any, field.choices))[1:]]
    assert groups == ["Калужская область", "Смоленская область"]
    assert field.clean(str(vyazma.pk)) == vyazma
    with pytest.raises(forms.ValidationError):
        MunicipalityChoiceField().clean(str(vyazma.pk))


def test_a_whole_country_field_offers_every_region_home_first() -> None:
    territories_load_reference()
    groups = [
        label
        for label, _choices in list(cast(Any, MunicipalityChoiceField(whole_country=True).choices))[
            1:
        ]
    ]
    assert groups[:2] == ["Калужская область", "Смоленская область"]


def test_the_municipality_page_lists_the_home_region(client) -> None:
    territories_load_reference()
    content = client.get("/territories/").content.decode()
    assert "Калужская область" in content
    assert "Бабынинский район" in content


def test_every_seed_district_but_smolensky_knows_its_administrative_centre() -> None:
    territories_load_reference()
    districts = Municipality.objects.filter(kind=Municipality.Kind.MUNICIPAL_DISTRICT)
    without = set(districts.filter(administrative_centre="").values_list("name", flat=True))
    # Смоленский район is run from Смоленск, a city district of its own: the city stays the city
    assert without == {"Смоленский район"}
    assert districts.get(name="Дзержинский район").administrative_centre == "Кондрово"


def test_a_centre_an_operator_entered_survives_a_reload_without_one() -> None:
    territories_load_reference()
    Municipality.objects.filter(name="Смоленский район").update(administrative_centre="Смоленск")
    territories_load_reference()
    assert Municipality.objects.get(name="Смоленский район").administrative_centre == "Смоленск"
