"""What volunteering holds about a person goes into «download my data», and «delete my account»
removes their responses, internship requests and choice, giving accepted places back."""

from typing import Any

import pytest

from nkohub.accounts.personal_data import handlers
from nkohub.volunteering import personal_data, services
from nkohub.volunteering.models import VolunteerCall, VolunteerResponse
from nkohub.volunteering.tests.factories import InternshipRequestFactory, VolunteerResponseFactory

pytestmark = pytest.mark.django_db


def test_the_handler_is_registered() -> None:
    assert "volunteering" in {handler.key for handler in handlers()}


def test_the_export_lists_responses_with_hours_and_requests(
    owner: Any, volunteer: Any, call: VolunteerCall
) -> None:
    VolunteerResponseFactory.create(call=call, user=volunteer, message="Есть машина.")
    InternshipRequestFactory.create(user=volunteer, message="Хочу научиться.")
    services.profile_set_public(actor=volunteer, public=True)
    data = personal_data.export(volunteer)
    assert (data["record_public"], data["responses"][0]["message"]) == (True, "Есть машина.")
    assert data["internship_requests"][0]["message"] == "Хочу научиться."


def test_erasing_removes_responses_and_gives_the_place_back(
    owner: Any, volunteer: Any, call: VolunteerCall
) -> None:
    response = VolunteerResponseFactory.create(call=call, user=volunteer)
    services.response_decide(actor=owner, response=response, accept=True)
    personal_data.erase(volunteer)
    call.refresh_from_db()
    assert (call.places_taken, VolunteerResponse.objects.count()) == (0, 0)
