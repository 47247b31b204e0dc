"""An organisation's owner sees the progress of the staff who consented, and nobody else's."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.learning import services
from nkohub.learning.models import Course, Lesson

pytestmark = pytest.mark.django_db


def test_the_owner_sees_only_members_who_consented(
    client: Any,
    owner: Any,
    member: Any,
    editor: Any,
    ngo: Any,
    course: Course,
    lessons: list[Lesson],
) -> None:
    member.full_name = "Мила Согласная"
    member.save()
    editor.full_name = "Борис Несогласный"
    editor.save()
    shared = services.enrolment_create(actor=member, course=course, share_with=ngo)
    services.lesson_complete(actor=member, enrolment=shared, lesson=lessons[0])
    services.enrolment_create(actor=editor, course=course)
    client.force_login(owner)
    content = client.get(reverse("learning:staff_progress", args=[ngo.pk])).content.decode()
    assert "Мила Согласная" in content
    assert "1/3" in content
    assert "Борис Несогласный" not in content


def test_withdrawn_consent_hides_the_progress_again(
    client: Any, owner: Any, member: Any, ngo: Any, course: Course
) -> None:
    member.full_name = "Мила Согласная"
    member.save()
    enrolment = services.enrolment_create(actor=member, course=course, share_with=ngo)
    services.enrolment_set_sharing(actor=member, enrolment=enrolment, organization=None)
    client.force_login(owner)
    content = client.get(reverse("learning:staff_progress", args=[ngo.pk])).content.decode()
    assert "Мила Согласная" not in content


def test_an_editor_is_not_an_owner_and_is_refused(client: Any, editor: Any, ngo: Any) -> None:
    client.force_login(editor)
    response = client.get(reverse("learning:staff_progress", args=[ngo.pk]))
    assert response.status_code == 403


def test_another_organisations_owner_does_not_see_them(
    client: Any, member: Any, ngo: Any, other_ngo: Any, course: Course
) -> None:
    from nkohub.organizations.models import Membership
    from nkohub.organizations.tests.factories import MembershipFactory

    services.enrolment_create(actor=member, course=course, share_with=ngo)
    stranger = MembershipFactory.create(organization=other_ngo, role=Membership.Role.OWNER).user
    client.force_login(stranger)
    assert client.get(reverse("learning:staff_progress", args=[ngo.pk])).status_code == 403
    assert client.get(reverse("learning:staff_progress", args=[other_ngo.pk])).status_code == 200
