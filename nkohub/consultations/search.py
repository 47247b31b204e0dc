"""Russian search over the knowledge base, on the registry's word handling (`nkohub.organizations.search`).

An article stores `search_text`: the lemmas and roots of its title, question and answer, framed by spaces.
- the knowledge base's search: every word of the query by its lemma or root (SQLite: `LIKE ' term '`;
  PostgreSQL: full text with the `russian` configuration over the title, question and answer, or the
  lemma terms), best match first;
- the suggestions while a question is typed: any word, articles sharing the most words first (at least
  two when the text has three words or more), so that «как сдать отчёт в минюст» finds «Отчётность НКО
  перед Минюстом».
"""

from typing import Any

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, ExpressionWrapper, F, IntegerField, Q, QuerySet, Value, When

from nkohub.consultations.models import Article
from nkohub.organizations import search

SUGGESTIONS = 5


def article_search_text(*texts: str) -> str:
    text = search.search_text_for(*texts)
    return f" {text} " if text else ""


def _word_condition(alternatives: tuple[str, ...]) -> Q:
    condition = Q()
    for index, term in enumerate(alternatives):
        # the last alternative (a root) also matches longer words: " отчет" finds "отчетность"
        pattern = f" {term}" if index == len(alternatives) - 1 else f" {term} "
        condition |= Q(search_text__contains=pattern)
    return condition


def _russian_vector() -> Any:
    return (
        SearchVector("title", weight="A", config="russian")
        + SearchVector("question_text", weight="B", config="russian")
        + SearchVector("body", weight="C", config="russian")
    )


def matching(articles: QuerySet[Article], q: str) -> QuerySet[Article]:
    """Articles matching every word of `q`, best first."""
    parsed = search.parse_query(q)
    if not parsed:
        return articles.none()
    lemmas = Q()
    for word in parsed:
        lemmas &= _word_condition(word.alternatives)
    if connection.vendor == "postgresql":
        query = SearchQuery(q, search_type="websearch", config="russian")
        return (
            articles.annotate(document=_russian_vector())
            .filter(Q(document=query) | lemmas)
            .annotate(rank=SearchRank(F("document"), query))
            .order_by("-rank", "-published_at", "-id")
        )
    return articles.filter(lemmas)


def similar(articles: QuerySet[Article], text: str) -> QuerySet[Article]:
    """Articles sharing the most words with a question being typed (see the module's note)."""
    parsed = search.parse_query(text)
    if not parsed:
        return articles.none()
    shared = ExpressionWrapper(
        sum(
            (
                Case(When(_word_condition(word.alternatives), then=Value(1)), default=Value(0))
                for word in parsed
            ),
            start=Value(0),
        ),
        output_field=IntegerField(),
    )
    needed = 2 if len(parsed) >= 3 else 1
    return (
        articles.annotate(shared=shared)
        .filter(shared__gte=needed)
        .order_by(F("shared").desc(), "-published_at", "-id")[:SUGGESTIONS]
    )
