"""The catalogue, a course's page, enrolment (cohort capacity included) and the consent to share."""

from typing import Any

import pytest
from django.db import connection
from django.urls import reverse

from nkohub.accounts.tests.factories import UserFactory
from nkohub.core.errors import DomainError
from nkohub.core.tests.concurrency import race
from nkohub.learning import reference, services
from nkohub.learning.models import Cohort, Course, Enrolment, Topic
from nkohub.learning.tests.conftest import lessons_of
from nkohub.learning.tests.factories import (
    CohortFactory,
    CourseFactory,
    EnrolmentFactory,
    LessonFactory,
    ModuleFactory,
)

pytestmark = pytest.mark.django_db


def test_the_topics_the_sector_asked_for_are_seeded() -> None:
    """The migration seeds the list reference.py keeps (a test that flushed the database before this
    one on the same worker took the migration's rows; load_reference puts them back)."""
    from importlib import import_module

    migration = import_module("nkohub.learning.migrations.0002_topics")
    assert migration.TOPICS == reference.TOPICS
    reference.load()
    names = set(Topic.objects.values_list("name", flat=True))
    assert "Профилактика мошенничества" in names
    assert "Бухгалтерский учёт и отчётность НКО" in names
    assert "PR, работа со СМИ и заинтересованными сторонами" in names
    assert Topic.objects.count() == 9


def test_the_catalogue_lists_published_courses_only(client: Any, course: Course) -> None:
    CourseFactory.create(title="Черновик курса", status=Course.Status.DRAFT, published_at=None)
    response = client.get(reverse("learning:index"))
    content = response.content.decode()
    assert "Как подать заявку на президентский грант" in content
    assert "Черновик курса" not in content


def test_the_catalogue_filters_by_topic(client: Any, course: Course) -> None:
    CourseFactory.create(title="Основы бухучёта НКО", topic=Topic.objects.get(slug="accounting"))
    content = client.get(reverse("learning:index"), {"topic": "accounting"}).content.decode()
    assert "Основы бухучёта НКО" in content
    assert "Как подать заявку на президентский грант" not in content


def test_a_draft_course_is_not_found_by_outsiders(client: Any, outsider: Any) -> None:
    draft = CourseFactory.create(status=Course.Status.DRAFT, published_at=None)
    client.force_login(outsider)
    assert client.get(reverse("learning:course", args=[draft.slug])).status_code == 404


def test_a_guest_sees_the_programme_and_is_asked_to_log_in(client: Any, course: Course) -> None:
    content = client.get(reverse("learning:course", args=[course.slug])).content.decode()
    assert "Команда проекта" in content
    assert "Войдите, чтобы записаться" in content


def test_a_member_enrols_and_is_sent_to_the_course(
    client: Any, outsider: Any, course: Course
) -> None:
    client.force_login(outsider)
    response = client.post(reverse("learning:enrol", args=[course.slug]))
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=outsider, course=course)
    assert enrolment.shares_progress is False
    page = client.get(reverse("learning:course", args=[course.slug])).content.decode()
    assert "Начать: С чего начать" in page


def test_enrolling_twice_is_refused(client: Any, outsider: Any, course: Course) -> None:
    EnrolmentFactory.create(user=outsider, course=course)
    client.force_login(outsider)
    response = client.post(reverse("learning:enrol", args=[course.slug]))
    assert response.status_code == 403
    assert "Вы уже записаны на этот курс." in response.content.decode()


def test_a_guest_cannot_enrol(client: Any, course: Course) -> None:
    response = client.post(reverse("learning:enrol", args=[course.slug]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Enrolment.objects.exists()


def test_nobody_enrols_in_a_draft(client: Any, outsider: Any) -> None:
    draft = CourseFactory.create(status=Course.Status.DRAFT, published_at=None)
    client.force_login(outsider)
    assert client.post(reverse("learning:enrol", args=[draft.slug])).status_code == 404


def test_the_last_seat_of_a_cohort_goes_once(client: Any, outsider: Any, member: Any) -> None:
    cohort = CohortFactory.create(capacity=1)
    LessonFactory.create(module=ModuleFactory.create(course=cohort.course))
    services.enrolment_create(actor=member, course=cohort.course, cohort=cohort)
    client.force_login(outsider)
    response = client.post(
        reverse("learning:enrol", args=[cohort.course.slug]), {"cohort": cohort.pk}
    )
    assert response.status_code == 400
    assert "В этом потоке не осталось мест." in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.seats_taken == 1


def test_a_cohort_course_needs_a_cohort() -> None:
    cohort = CohortFactory.create()
    person = UserFactory.create()
    with pytest.raises(DomainError, match="Выберите поток"):
        services.enrolment_create(actor=person, course=cohort.course, cohort=None)


@pytest.mark.django_db(transaction=True)
def test_ten_people_racing_for_three_seats_three_get_them() -> None:
    name = str(connection.settings_dict["NAME"])
    assert connection.vendor != "sqlite" or "memory" not in name, "needs a file database"
    cohort = CohortFactory.create(capacity=3)
    people = [UserFactory.create(password=None) for _ in range(10)]
    outcomes = race(
        10,
        lambda i: (
            services.enrolment_create(
                actor=people[i], course=cohort.course, cohort=Cohort.objects.get(pk=cohort.pk)
            ).pk
        ),
    )
    assert outcomes.unexpected(DomainError) == {}, outcomes.report()
    assert len(outcomes.results) == 3, outcomes.report()
    assert Enrolment.objects.filter(cohort=cohort).count() == 3
    cohort.refresh_from_db()
    assert cohort.seats_taken == 3


def test_consent_to_share_is_recorded_with_its_moment(
    client: Any, member: Any, ngo: Any, course: Course
) -> None:
    client.force_login(member)
    client.post(reverse("learning:enrol", args=[course.slug]), {"share_with": ngo.pk})
    enrolment = Enrolment.objects.get(user=member)
    assert enrolment.shares_progress is True
    assert enrolment.shared_with == ngo
    assert enrolment.sharing_changed_at is not None
    client.post(reverse("learning:sharing", args=[course.slug]), {"share_with": ""})
    enrolment.refresh_from_db()
    assert (enrolment.shares_progress, enrolment.shared_with) == (False, None)


def test_progress_cannot_be_shared_with_a_foreign_organisation(
    member: Any, other_ngo: Any, course: Course
) -> None:
    with pytest.raises(DomainError, match="только организации, в которой вы состоите"):
        services.enrolment_create(actor=member, course=course, share_with=other_ngo)


def test_changing_the_sharing_needs_an_enrolment(
    client: Any, member: Any, ngo: Any, course: Course
) -> None:
    client.force_login(member)
    response = client.post(reverse("learning:sharing", args=[course.slug]), {"share_with": ngo.pk})
    assert response.status_code == 403


def _grow(course: Course, modules: int, learners: int) -> None:
    for m in range(modules):
        module = ModuleFactory.create(course=course, title=f"Доп. модуль {m}")
        for _ in range(3):
            LessonFactory.create(module=module)
    for _ in range(learners):
        EnrolmentFactory.create(user=UserFactory.create(password=None), course=course)


def _queries_of_course_page(
    client: Any, course: Course, django_assert_num_queries: Any, n: int
) -> None:
    with django_assert_num_queries(n):
        assert client.get(reverse("learning:course", args=[course.slug])).status_code == 200


def test_the_course_page_costs_the_same_queries_as_the_course_grows(
    client: Any, member: Any, course: Course, django_assert_num_queries: Any
) -> None:
    client.force_login(member)
    services.enrolment_create(actor=member, course=course)
    client.get(reverse("learning:course", args=[course.slug]))
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(reverse("learning:course", args=[course.slug]))
    queries = len(small)  # now: a later request empties the connection's log
    _grow(course, modules=5, learners=10)
    for lesson in lessons_of(course)[:4]:
        services.lesson_open(enrolment=Enrolment.objects.get(user=member), lesson=lesson)
    _queries_of_course_page(client, course, django_assert_num_queries, queries)


def test_the_catalogue_costs_the_same_queries_with_more_courses(
    client: Any, course: Course, django_assert_num_queries: Any
) -> None:
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(reverse("learning:index"))
    queries = len(small)
    for _ in range(8):
        _grow(CourseFactory.create(), modules=1, learners=0)
    with django_assert_num_queries(queries):
        client.get(reverse("learning:index"))


def test_the_catalogue_finds_a_course_by_a_word_in_another_form(
    client: Any, course: Course
) -> None:
    content = client.get(reverse("learning:index"), {"q": "заявки"}).content.decode()
    assert "Как подать заявку на президентский грант" in content


def test_a_misspelt_search_suggests_the_word_of_a_course(client: Any, course: Course) -> None:
    content = client.get(reverse("learning:index"), {"q": "прездентский"}).content.decode()
    assert "Возможно, вы имели в виду" in content
    assert "«президентский»" in content
