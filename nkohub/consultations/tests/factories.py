import datetime as dt
from typing import Any

import factory
from django.utils import timezone

from nkohub.accounts.tests.factories import UserFactory
from nkohub.consultations import reference
from nkohub.consultations.models import Article, Competence, Expert, Question, Slot
from nkohub.consultations.search import article_search_text
from nkohub.organizations.tests.factories import OrganizationFactory


def competence(slug: str = "accounting") -> Competence:
    """One of the topics the data migration seeds (made again after a test that flushed them)."""
    return reference.competence(slug)


class ExpertFactory(factory.django.DjangoModelFactory[Expert]):
    class Meta:
        model = Expert
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    bio = "Бухгалтер НКО с 15-летним стажем."

    @factory.post_generation
    def competences(self, create: bool, extracted: Any, **kwargs: Any) -> None:
        self.competences.set(extracted if extracted is not None else [competence()])


class QuestionFactory(factory.django.DjangoModelFactory[Question]):
    class Meta:
        model = Question

    organization = factory.SubFactory(OrganizationFactory)
    asked_by = factory.SubFactory(UserFactory)
    competence = factory.LazyFunction(competence)
    title = factory.Sequence(lambda n: f"Как отразить целевое поступление № {n}?")
    text = "Получили пожертвование на проект. На какой счёт его отнести и нужен ли договор?"
    visibility = Question.Visibility.PUBLIC
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=7))


def article(
    *, title: str, question_text: str = "", body: str = "", published: bool = True, **kwargs: Any
) -> Article:
    found = Article.objects.create(
        title=title,
        question_text=question_text or title,
        body=body or "Ответ эксперта.",
        competence=kwargs.pop("competence", None) or competence(),
        status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        published_at=timezone.now() if published else None,
        search_text=article_search_text(title, question_text or title, body or "Ответ эксперта."),
        **kwargs,
    )
    return found


class SlotFactory(factory.django.DjangoModelFactory[Slot]):
    class Meta:
        model = Slot

    expert = factory.SubFactory(ExpertFactory)
    starts_at = factory.LazyFunction(
        lambda: timezone.now().replace(minute=0, second=0, microsecond=0) + dt.timedelta(days=3)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1))
    place = "Калуга, ул. Ленина, 1, ресурсный центр"
