"""A refusal carries its reason to the 403 page; a hidden one is a 404; domain errors land on forms."""

import pytest
from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from nkohub.core.errors import DomainError, add_domain_error
from nkohub.core.permissions import ALLOWED, refused, require
from nkohub.core.views import permission_denied


def test_an_allowed_decision_passes_and_is_truthy() -> None:
    require(ALLOWED)
    assert ALLOWED


def test_a_refusal_is_falsy_and_raises_403_with_its_reason() -> None:
    decision = refused("Only the organisation's owner manages its members.")
    assert not decision
    with pytest.raises(PermissionDenied) as raised:
        require(decision)
    assert raised.value.args == ("Only the organisation's owner manages its members.",)


def test_a_hidden_refusal_is_a_404() -> None:
    with pytest.raises(Http404):
        require(refused("whatever"), hide=True)


def test_a_plain_false_is_a_403_without_a_reason() -> None:
    with pytest.raises(PermissionDenied) as raised:
        require(False)
    assert raised.value.args == ("",)


@pytest.mark.django_db
def test_the_403_page_shows_the_reason() -> None:
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = permission_denied(request, PermissionDenied("Причина отказа на странице"))
    assert response.status_code == 403
    assert "Причина отказа на странице" in response.content.decode()


class _Form(forms.Form):
    inn = forms.CharField()


def test_a_domain_error_lands_next_to_its_field() -> None:
    form = _Form({"inn": "1"})
    assert form.is_valid()
    add_domain_error(form, DomainError("Bad INN", field="inn"))
    assert form.errors == {"inn": ["Bad INN"]}


def test_a_domain_error_of_an_unknown_field_lands_above_the_form() -> None:
    form = _Form({"inn": "1"})
    form.is_valid()
    add_domain_error(form, DomainError("Refused", field="ogrn"))
    assert form.non_field_errors() == ["Refused"]


def test_a_service_field_name_can_be_mapped_to_the_forms() -> None:
    form = _Form({"inn": "1"})
    form.is_valid()
    add_domain_error(
        form, DomainError("Bad", field="organization_inn"), fields={"organization_inn": "inn"}
    )
    assert form.errors == {"inn": ["Bad"]}


def test_a_lazy_message_is_translated_when_shown() -> None:
    error = DomainError(_("Access denied"))
    with override("ru"):
        assert error.message == "Доступ запрещён"
