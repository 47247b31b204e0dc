"""Results: counts and shares per question (drafts left out), the charts with their tables, the
cross-tabulation by the organisations' fields, free texts, XLSX; constant queries; who may see them."""

from decimal import Decimal
from io import BytesIO
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from nkohub.organizations.models import Membership
from nkohub.organizations.tests.factories import (
    LegalFormFactory,
    MembershipFactory,
    OrganizationFactory,
)
from nkohub.surveys import selectors, services
from nkohub.surveys.models import Question, Survey
from nkohub.surveys.tests.factories import SurveyFactory, question_with_options

pytestmark = pytest.mark.django_db


def _answered(count: int, survey: Survey, answer: Any, *, legal_form: Any = None) -> None:
    for _ in range(count):
        ngo = OrganizationFactory.create(**({"legal_form": legal_form} if legal_form else {}))
        person = MembershipFactory.create(organization=ngo, role=Membership.Role.OWNER).user
        services.response_save(
            actor=person, survey=survey, organization=ngo, answers=answer(), submit=True
        )


@pytest.fixture
def survey(db: Any) -> Survey:
    return SurveyFactory.create(results_public=False)


def test_counts_and_shares_leave_drafts_out(survey: Survey) -> None:
    q = question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"])
    scale = Question.objects.create(
        survey=survey, kind=Question.Kind.SCALE, text="Оценка", position=9
    )
    yes, no = (o.pk for o in q.choice_options)
    _answered(3, survey, lambda: {q.pk: yes, scale.pk: 5})
    _answered(1, survey, lambda: {q.pk: no, scale.pk: 2})
    draft_ngo = OrganizationFactory.create()
    owner = MembershipFactory.create(organization=draft_ngo, role=Membership.Role.OWNER).user
    services.response_save(
        actor=owner, survey=survey, organization=draft_ngo, answers={q.pk: no}, submit=False
    )
    responses, results = selectors.question_results(survey)
    assert responses == 4
    single = next(r for r in results if r.question == q)
    assert [(r.label, r.count, r.share) for r in single.rows] == [
        ("да", 3, Decimal("0.7500")),
        ("нет", 1, Decimal("0.2500")),
    ]
    rated = next(r for r in results if r.question == scale)
    assert [r.count for r in rated.rows] == [0, 1, 0, 0, 3]
    assert rated.average == Decimal("4.25")


def test_a_ranking_counts_places_and_a_matrix_its_cells(survey: Survey) -> None:
    ranking = question_with_options(survey, Question.Kind.RANKING, ["a", "b", "c"])
    matrix = question_with_options(survey, Question.Kind.MATRIX, ["плохо", "хорошо"])
    rows = [
        matrix.options.create(role="row", label=label, position=i)
        for i, label in enumerate(["власть", "СМИ"])
    ]
    a, b, _c = (o.pk for o in ranking.choice_options)
    bad, good = (o.pk for o in matrix.choice_options)
    _answered(
        2,
        survey,
        lambda: {ranking.pk: {a: 1, b: 2}, matrix.pk: {rows[0].pk: good, rows[1].pk: bad}},
    )
    _answered(1, survey, lambda: {ranking.pk: {b: 1}, matrix.pk: {rows[0].pk: bad}})
    _, results = selectors.question_results(survey)
    ranked = next(r for r in results if r.question == ranking)
    assert [(r.label, r.count, r.extra) for r in ranked.rows] == [
        ("b", 3, Decimal("1.7")),
        ("a", 2, Decimal("1.0")),
        ("c", 0, None),
    ]
    grid = dict(next(r for r in results if r.question == matrix).matrix)
    assert [cell.count for cell in grid["власть"]] == [1, 2]
    assert [cell.count for cell in grid["СМИ"]] == [2, 0]


def test_the_results_page_shows_charts_with_tables_in_constant_queries(
    client: Any, operator: Any, survey: Survey, django_assert_max_num_queries: Any
) -> None:
    q = question_with_options(survey, Question.Kind.MULTIPLE, ["курсы", "консультации", "гранты"])
    Question.objects.create(survey=survey, kind=Question.Kind.TEXT, text="Пожелания", position=5)
    picks = [o.pk for o in q.choice_options]
    _answered(2, survey, lambda: {q.pk: picks[:2]})
    client.force_login(operator)
    url = reverse("surveys:results", args=[survey.pk])
    client.get(url)
    with django_assert_max_num_queries(14) as small:
        page = client.get(url).content.decode()
    _answered(12, survey, lambda: {q.pk: picks})
    for i in range(3):
        question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"], position=10 + i)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url).content.decode()
    assert "<svg" in page
    assert "<table" in page
    assert "консультации" in page


def test_cross_tabulation_by_legal_form(survey: Survey) -> None:
    q = question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"])
    yes, no = (o.pk for o in q.choice_options)
    fund, ano = LegalFormFactory.create(name="Фонд"), LegalFormFactory.create(name="АНО")
    _answered(2, survey, lambda: {q.pk: yes}, legal_form=fund)
    _answered(1, survey, lambda: {q.pk: no}, legal_form=fund)
    _answered(3, survey, lambda: {q.pk: no}, legal_form=ano)
    table = selectors.crosstab(survey, q, "legal_form", "—")
    assert table.columns == ["АНО", "Фонд"]
    assert table.totals == [3, 3]
    assert [(label, counts) for label, counts, _ in table.rows] == [("да", [0, 2]), ("нет", [3, 1])]


def test_the_cross_tabulation_page(client: Any, operator: Any, survey: Survey) -> None:
    q = question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"])
    _answered(2, survey, lambda: {q.pk: q.choice_options[0].pk})
    client.force_login(operator)
    page = client.get(
        reverse("surveys:crosstab", args=[survey.pk]), {"question": q.pk, "by": "municipality"}
    )
    assert page.status_code == 200
    assert "<table" in page.content.decode()


def test_the_xlsx_export_has_the_counts_and_every_response(
    client: Any, operator: Any, survey: Survey
) -> None:
    q = question_with_options(survey, Question.Kind.SINGLE, ["да", "нет"])
    text = Question.objects.create(
        survey=survey, kind=Question.Kind.TEXT, text="Пожелания", position=5
    )
    _answered(3, survey, lambda: {q.pk: q.choice_options[1].pk, text.pk: "Больше курсов"})
    client.force_login(operator)
    response = client.get(reverse("surveys:export", args=[survey.pk]))
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    summary = list(book.worksheets[0].iter_rows(values_only=True))
    assert (q.text, "нет", 3, 100.0, None) in summary
    assert book.worksheets[1].max_row == 4  # the head and three responses
    assert [row[-1] for row in book.worksheets[2].iter_rows(min_row=2, values_only=True)] == [
        "Больше курсов"
    ] * 3


def test_free_texts_are_listed_with_the_organisation_unless_anonymous(
    client: Any, operator: Any, survey: Survey
) -> None:
    text = Question.objects.create(
        survey=survey, kind=Question.Kind.TEXT, text="Пожелания", position=1
    )
    ngo = OrganizationFactory.create(short_name="АНО «Светлячок»")
    owner = MembershipFactory.create(organization=ngo, role=Membership.Role.OWNER).user
    services.response_save(
        actor=owner, survey=survey, organization=ngo, answers={text.pk: "Нужен юрист"}, submit=True
    )
    client.force_login(operator)
    url = reverse("surveys:texts", args=[survey.pk, text.pk])
    page = client.get(url).content.decode()
    assert "Нужен юрист" in page
    assert "Светлячок" in page
    Survey.objects.filter(pk=survey.pk).update(is_anonymous=True)
    assert "Светлячок" not in client.get(url).content.decode()


@pytest.mark.parametrize("who", [None, "owner", "outsider"])
def test_results_are_the_operators_until_made_public(
    client: Any, survey: Survey, who: str | None, request: Any
) -> None:
    if who:
        client.force_login(request.getfixturevalue(who))
    for name in ("results", "export", "crosstab"):
        assert client.get(reverse(f"surveys:{name}", args=[survey.pk])).status_code == 403
    Survey.objects.filter(pk=survey.pk).update(results_public=True)
    assert client.get(reverse("surveys:results", args=[survey.pk])).status_code == 200
