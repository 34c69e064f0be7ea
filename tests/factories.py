"""All test factories, in one place."""
import factory
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from actors.models import Actor, PublicationState, Territory
from programmes.models import Audience, FundedProject, Programme, ProgrammeActor, Theme


class TerritoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Territory
        skip_postgeneration_save = True

    kind = Territory.Kind.REGION
    insee_code = factory.Sequence(lambda n: f"T{n}")
    name = factory.Sequence(lambda n: f"Territoire {n}")
    slug = factory.LazyAttribute(lambda o: slugify(f"{o.kind}-{o.insee_code}"))

    @factory.post_generation
    def parents(self, create, extracted, **kwargs):
        if create and extracted:
            self.parents.set(extracted)


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Acteur {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Actor.Kind.COMPANY
    publication_state = PublicationState.PUBLISHED


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class AudienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Audience

    name = factory.Sequence(lambda n: f"Public {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    kind = Programme.Kind.FUNDING_CALL
    publication_state = PublicationState.PUBLISHED

    @factory.post_generation
    def territories(self, create, extracted, **kwargs):
        if create and extracted:
            self.territories.set(extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


class ProgrammeActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeActor

    programme = factory.SubFactory(ProgrammeFactory)
    actor = factory.SubFactory(ActorFactory)
    role = ProgrammeActor.Role.RUNS


class FundedProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundedProject

    title = factory.Sequence(lambda n: f"Projet {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    programme = factory.SubFactory(ProgrammeFactory)
    beneficiary = factory.SubFactory(ActorFactory)
    year = 2024
    publication_state = PublicationState.PUBLISHED


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")
