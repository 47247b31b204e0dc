import factory

from nkohub.accounts.tests.factories import UserFactory
from nkohub.ideas.models import Idea, IdeaComment, IdeaSupport
from nkohub.organizations.tests.factories import SphereFactory
from nkohub.territories.tests.factories import MunicipalityFactory


class IdeaFactory(factory.django.DjangoModelFactory[Idea]):
    class Meta:
        model = Idea

    author = factory.SubFactory(UserFactory, password=None)
    title = factory.Sequence(lambda n: f"Пандус у поликлиники №{n}")
    problem = "Маломобильные жители не могут попасть в поликлинику: у входа только ступени."
    proposal = "Установить пандус с поручнями и кнопку вызова персонала у входа."
    municipality = factory.SubFactory(MunicipalityFactory, name="Город Калуга")
    sphere = factory.SubFactory(SphereFactory, code="social", name="Социальное обслуживание")


class IdeaSupportFactory(factory.django.DjangoModelFactory[IdeaSupport]):
    """A support row with the idea's counter moved with it, as the service does."""

    class Meta:
        model = IdeaSupport

    idea = factory.SubFactory(IdeaFactory)
    user = factory.SubFactory(UserFactory, password=None)

    @classmethod
    def _create(
        cls, model_class: type[IdeaSupport], *args: object, **kwargs: object
    ) -> IdeaSupport:
        from django.db.models import F

        support = super()._create(model_class, *args, **kwargs)
        Idea.objects.filter(pk=support.idea_id).update(supports_count=F("supports_count") + 1)
        return support


class IdeaCommentFactory(factory.django.DjangoModelFactory[IdeaComment]):
    class Meta:
        model = IdeaComment

    idea = factory.SubFactory(IdeaFactory)
    author = factory.SubFactory(UserFactory, password=None)
    text = "Поддерживаю: моя мама не может подняться по этим ступеням."
