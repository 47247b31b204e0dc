"""The operator's builder: surveys by hand and from the two templates, questions of every type with
conditions, opening and closing, reminders — and every write refused to anyone else."""

from typing import Any

import pytest
from django.urls import reverse

from nkohub.core.models import AuditEntry
from nkohub.notifications.models import Notification
from nkohub.organizations.models import Organization
from nkohub.surveys import services
from nkohub.surveys.models import Option, ProblemZone, Question, Survey
from nkohub.surveys.tests.factories import SurveyFactory, question_with_options

pytestmark = pytest.mark.django_db


def test_the_needs_template_asks_to_rank_the_sixteen_zones(needs_survey: Survey) -> None:
    ranking = needs_survey.questions.get(kind=Question.Kind.RANKING)
    assert ranking.rank_limit == 5
    assert ranking.required
    assert [o.zone for o in ranking.options.all()] == list(ProblemZone.objects.order_by("position"))
    kinds = set(needs_survey.questions.values_list("kind", flat=True))
    assert kinds == set(Question.Kind.values) - set()  # every type, free text included
    conditional = needs_survey.questions.get(show_if_option__isnull=False)
    assert conditional.show_if_option is not None
    assert conditional.show_if_option.label == "Да"


def test_the_interview_template_follows_the_guide(zones: None, operator: Any) -> None:
    survey = services.survey_create_from_blueprint(
        actor=operator,
        key="interview",
        opens_on=SurveyFactory.build().opens_on,
        closes_on=SurveyFactory.build().closes_on,
    )
    assert survey.purpose == Survey.Purpose.INTERVIEW
    assert survey.questions.filter(kind=Question.Kind.TEXT).count() == 11
    assert survey.questions.filter(text__icontains="партн").exists()


def test_an_operator_builds_a_survey_by_hand(client: Any, operator: Any) -> None:
    client.force_login(operator)
    created = client.post(
        reverse("surveys:create"),
        {
            "title": "Волонтёры в районах",
            "purpose": "general",
            "audience": "organizations",
            "opens_on": "2026-12-01",
            "closes_on": "2026-12-31",
        },
    )
    survey = Survey.objects.get(title="Волонтёры в районах")
    assert created["Location"] == reverse("surveys:edit", args=[survey.pk])
    add = reverse("surveys:question_add", args=[survey.pk])
    base = {"scale_min": 1, "scale_max": 5}
    client.post(add, base | {"kind": "single", "text": "Есть ли волонтёры?", "options": "Да\nНет"})
    yes = Option.objects.get(label="Да")
    client.post(
        add,
        base | {"kind": "number", "text": "Сколько?", "min_value": "0", "show_if_option": yes.pk},
    )
    client.post(
        add,
        base
        | {
            "kind": "matrix",
            "text": "Как часто?",
            "options": "редко\nчасто",
            "rows": "летом\nзимой",
        },
    )
    questions = list(survey.questions.all())
    assert [q.kind for q in questions] == ["single", "number", "matrix"]
    assert questions[1].show_if_option == yes
    assert [o.label for o in questions[2].matrix_rows] == ["летом", "зимой"]
    client.post(reverse("surveys:status", args=[survey.pk]), {"status": "open"})
    survey.refresh_from_db()
    assert survey.status == Survey.Status.OPEN
    assert AuditEntry.objects.filter(action="surveys.survey.status").exists()


def test_a_choice_question_needs_two_options(client: Any, operator: Any) -> None:
    survey = SurveyFactory.create(status=Survey.Status.DRAFT)
    client.force_login(operator)
    page = client.post(
        reverse("surveys:question_add", args=[survey.pk]),
        {
            "kind": "multiple",
            "text": "Что нужно?",
            "options": "Одно",
            "scale_min": 1,
            "scale_max": 5,
        },
    )
    assert page.status_code == 200
    assert "Что нужно?" in page.content.decode()  # what was typed stays
    assert not survey.questions.exists()


def test_a_template_survey_is_made_from_the_page(client: Any, operator: Any, zones: None) -> None:
    client.force_login(operator)
    client.post(
        reverse("surveys:from_template"),
        {"template": "needs", "title": "", "opens_on": "2026-12-01", "closes_on": "2026-12-20"},
    )
    survey = Survey.objects.get()
    assert survey.title == "Потребности НКО региона"
    assert survey.status == Survey.Status.DRAFT


def test_reminders_go_to_those_who_have_not_answered(
    client: Any,
    operator: Any,
    owner: Any,
    ngo: Organization,
    other_ngo: Organization,
    django_capture_on_commit_callbacks: Any,
) -> None:
    survey = SurveyFactory.create()
    q = question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"])
    from nkohub.organizations.models import Membership
    from nkohub.organizations.tests.factories import MembershipFactory

    done = MembershipFactory.create(organization=other_ngo, role=Membership.Role.OWNER).user
    services.response_save(
        actor=done,
        survey=survey,
        organization=other_ngo,
        answers={q.pk: q.choice_options[0].pk},
        submit=True,
    )
    client.force_login(operator)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(reverse("surveys:remind", args=[survey.pk]))
    assert answer["Location"].endswith("?told=1")
    told = set(
        Notification.objects.filter(kind="surveys.survey.reminder").values_list(
            "recipient", flat=True
        )
    )
    assert told == {owner.pk}


def test_the_daily_job_reminds_once_of_a_survey_closing_soon(
    owner: Any, ngo: Organization, django_capture_on_commit_callbacks: Any
) -> None:
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.localdate()
    survey = SurveyFactory.create(closes_on=today + timedelta(days=2))
    question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"])
    SurveyFactory.create(closes_on=today + timedelta(days=20))  # not yet
    with django_capture_on_commit_callbacks(execute=True):
        services.surveys_remind_due(today)
        services.surveys_remind_due(today)
    assert Notification.objects.filter(kind="surveys.survey.reminder", recipient=owner).count() == 1


WRITES = [
    ("surveys:create", False),
    ("surveys:from_template", False),
    ("surveys:edit", True),
    ("surveys:status", True),
    ("surveys:remind", True),
    ("surveys:question_add", True),
]


@pytest.mark.parametrize(("name", "with_pk"), WRITES)
@pytest.mark.parametrize("who", ["owner", "outsider"])
def test_only_operators_build_surveys(
    client: Any, name: str, with_pk: bool, who: str, request: Any
) -> None:
    survey = SurveyFactory.create()
    before = Survey.objects.values_list("pk", "status", "title").get()
    client.force_login(request.getfixturevalue(who))
    url = reverse(name, args=[survey.pk] if with_pk else [])
    assert (
        client.post(
            url, {"status": "closed", "title": "x", "kind": "text", "text": "x"}
        ).status_code
        == 403
    )
    assert list(Survey.objects.values_list("pk", "status", "title")) == [before]
    assert not Question.objects.exists()


def test_a_draft_survey_is_404_to_a_non_operator_builder(client: Any, owner: Any) -> None:
    survey = SurveyFactory.create(status=Survey.Status.DRAFT)
    client.force_login(owner)
    assert (
        client.post(reverse("surveys:status", args=[survey.pk]), {"status": "open"}).status_code
        == 404
    )


def test_questions_are_changed_and_deleted_only_by_operators(
    client: Any, owner: Any, operator: Any
) -> None:
    survey = SurveyFactory.create()
    q = question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"])
    client.force_login(owner)
    assert (
        client.post(reverse("surveys:question_delete", args=[survey.pk, q.pk])).status_code == 403
    )
    assert (
        client.post(
            reverse("surveys:question_edit", args=[survey.pk, q.pk]), {"kind": "text", "text": "x"}
        ).status_code
        == 403
    )
    assert Question.objects.filter(pk=q.pk, kind="single").exists()
    client.force_login(operator)
    client.post(reverse("surveys:question_delete", args=[survey.pk, q.pk]))
    assert not Question.objects.exists()


def test_the_command_makes_a_survey_from_a_template(zones: None) -> None:
    from django.core.management import call_command

    call_command("survey_from_template", "needs", "--opens=2026-12-01", "--closes=2026-12-31")
    survey = Survey.objects.get()
    assert survey.status == Survey.Status.DRAFT
    assert survey.questions.filter(kind=Question.Kind.RANKING).count() == 1
