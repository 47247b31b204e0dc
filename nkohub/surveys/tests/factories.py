import datetime as dt

import factory
from django.utils import timezone

from nkohub.surveys.models import Option, Question, Survey


class SurveyFactory(factory.django.DjangoModelFactory[Survey]):
    class Meta:
        model = Survey

    title = factory.Sequence(lambda n: f"Опрос ресурсного центра №{n}")
    status = Survey.Status.OPEN
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=5))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=20))


class QuestionFactory(factory.django.DjangoModelFactory[Question]):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    kind = Question.Kind.SINGLE
    text = factory.Sequence(lambda n: f"Вопрос {n}")
    position = factory.Sequence(lambda n: n + 1)


class OptionFactory(factory.django.DjangoModelFactory[Option]):
    class Meta:
        model = Option

    question = factory.SubFactory(QuestionFactory)
    label = factory.Sequence(lambda n: f"Вариант {n}")
    position = factory.Sequence(lambda n: n + 1)


def question_with_options(
    survey: Survey, kind: str, labels: list[str], **fields: object
) -> Question:
    question = QuestionFactory.create(survey=survey, kind=kind, **fields)
    for position, label in enumerate(labels, start=1):
        OptionFactory.create(question=question, label=label, position=position)
    return question
