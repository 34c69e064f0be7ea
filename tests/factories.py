"""All test factories, in one place."""
import factory
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from actors.models import Actor
from actors.services import save_actor
from editorial.models import PublicationState
from programmes.models import Audience, FundedProject, Programme, ProgrammeActor, Theme
from programmes.services import refresh_search, save_programme, save_project
from territories.models import Territory
from territories.services import set_parents


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
        if create:
            set_parents(self, extracted or [])


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Acteur {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Actor.Kind.COMPANY
    publication_state = PublicationState.PUBLISHED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return save_actor(actor=model_class(*args, **kwargs))


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
    """Created through `save_programme`, as every write: one history record with the final
    state (territories and themes included), the listing's arrays and the search text refreshed."""

    class Meta:
        model = Programme

    title = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    kind = Programme.Kind.FUNDING_CALL
    publication_state = PublicationState.PUBLISHED
    territories = None
    themes = None

    @classmethod
    def _create(cls, model_class, *args, territories=None, themes=None, **kwargs):
        return save_programme(programme=model_class(*args, **kwargs), territories=territories, themes=themes)

    @classmethod
    def _build(cls, model_class, *args, territories=None, themes=None, **kwargs):
        return model_class(*args, **kwargs)


class ProgrammeActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeActor

    programme = factory.SubFactory(ProgrammeFactory)
    actor = factory.SubFactory(ActorFactory)
    role = ProgrammeActor.Role.RUNS

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        link = super()._create(model_class, *args, **kwargs)
        refresh_search(programme_ids=[link.programme_id])
        return link


class FundedProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundedProject

    title = factory.Sequence(lambda n: f"Projet {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    programme = factory.SubFactory(ProgrammeFactory)
    beneficiary = factory.SubFactory(ActorFactory)
    year = 2024
    publication_state = PublicationState.PUBLISHED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return save_project(project=model_class(*args, **kwargs))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


def staff_user(group_name=None, organisations=(), **kwargs):
    """A staff account in one of the role groups, member of `organisations`."""
    from django.contrib.auth.models import Group

    from editorial.roles import EDITORS, REVIEWERS, ensure_roles

    if Group.objects.filter(name__in=[EDITORS, REVIEWERS]).count() < 2:  # `migrate` made them; a flush empties them
        ensure_roles()
    user = UserFactory(is_staff=True, **kwargs)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    for actor in organisations:
        actor.editors.add(user)
    return user


def stored_version(entry):
    """The version a change form opened now would carry (see `editorial.concurrency`)."""
    from editorial.concurrency import version_of

    return version_of(type(entry).objects.get(pk=entry.pk))


def admin_change_data(programme, **overrides):
    """The POST body of the programme admin change form for `programme`, as saved."""
    fields = ["title", "slug", "kind", "summary", "description", "recurrence", "website", "contact_name",
              "contact_email", "source", "publication_state"]
    data = {name: getattr(programme, name) for name in fields}
    data["edit_version"] = stored_version(programme)
    for name in ("opens_on", "deadline", "last_verified_on", "total_budget", "amount_min", "amount_max"):
        value = getattr(programme, name)
        data[name] = "" if value is None else str(value)
    data["parent"] = programme.parent_id or ""
    data["territories"] = [t.pk for t in programme.territories.all()]
    data["themes"] = [t.pk for t in programme.themes.all()]
    data["audiences"] = [a.pk for a in programme.audiences.all()]
    roles = list(programme.roles.all())
    data.update({"roles-TOTAL_FORMS": str(len(roles)), "roles-INITIAL_FORMS": str(len(roles))})
    for index, role in enumerate(roles):
        data.update({f"roles-{index}-id": role.pk, f"roles-{index}-programme": programme.pk,
                     f"roles-{index}-actor": role.actor_id, f"roles-{index}-role": role.role})
    data.update({"funded_projects-TOTAL_FORMS": "0", "funded_projects-INITIAL_FORMS": "0"})
    projects = list(programme.funded_projects.all())
    data.update({"funded_projects-TOTAL_FORMS": str(len(projects)), "funded_projects-INITIAL_FORMS": str(len(projects))})
    for index, p in enumerate(projects):
        prefix = f"funded_projects-{index}-"
        data.update({prefix + "id": p.pk, prefix + "programme": programme.pk, prefix + "title": p.title, prefix + "slug": p.slug,
                     prefix + "beneficiary": p.beneficiary_id, prefix + "year": p.year or "", prefix + "awarded_on": "",
                     prefix + "amount": "" if p.amount is None else str(p.amount), prefix + "territory": p.territory_id or "",
                     prefix + "publication_state": p.publication_state, prefix + "edit_version": stored_version(p)})
    data.update(overrides)
    return data
