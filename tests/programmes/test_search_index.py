"""The denormalised search text never goes stale through the product's write paths."""
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from actors.services import save_actor
from programmes import services
from programmes.models import FundedProject, Programme, Theme
from search.index import write_index
from tests.factories import (
    ActorFactory,
    FundedProjectFactory,
    ProgrammeActorFactory,
    ProgrammeFactory,
    ThemeFactory,
    stored_version,
)

pytestmark = pytest.mark.django_db


def text_of(obj):
    """The folded words the index holds for `obj`, all weights together."""
    columns = type(obj).objects.values_list("search_a", "search_b", "search_c", "search_d").get(pk=obj.pk)
    return " ".join(columns)


def test_renaming_a_theme_updates_its_programmes():
    theme = ThemeFactory(name="Cardiologie")
    programme = ProgrammeFactory(themes=[theme])
    assert "cardiolog" in text_of(programme)
    theme.name = "Rythmologie"
    services.save_reference_item(item=theme)
    assert "rythmolog" in text_of(programme) and "cardiolog" not in text_of(programme)
    assert list(Programme.objects.search("rythmologie")) == [programme]


def test_deleting_a_theme_removes_it_from_its_programmes():
    theme = ThemeFactory(name="Cardiologie")
    programme = ProgrammeFactory(themes=[theme])
    services.delete_reference_items(items=[theme])
    assert "cardiolog" not in text_of(programme)


def test_renaming_an_actor_updates_programmes_and_funded_projects():
    actor = ActorFactory(name="Lyonbiopôle")
    programme = ProgrammeFactory()
    ProgrammeActorFactory(programme=programme, actor=actor)
    project = FundedProjectFactory(beneficiary=actor)
    assert "lyonbiopol" in text_of(programme) and "lyonbiopol" in text_of(project)
    actor.name = "Pôle Renommé"
    save_actor(actor=actor)
    for obj in (programme, project, actor):
        assert "renom" in text_of(obj) and "lyonbiopol" not in text_of(obj)
        assert list(type(obj).objects.search("pôle renommé")) == [obj]


def test_queryset_update_refreshes_the_rows_it_changes():
    programme, other = ProgrammeFactory(title="Ancien titre"), ProgrammeFactory(title="Autre")
    Programme.objects.filter(pk=programme.pk).update(title="Télésanté")
    assert "ancien" not in text_of(programme)
    assert Programme.objects.search("télésanté").get() == programme
    assert Programme.objects.search("autre").get() == other


def test_bulk_create_fills_the_search_text():
    created = Programme.objects.bulk_create([Programme(title="Équipements lourds", slug="equipements", kind="equipment")])
    assert Programme.objects.search("équipement lourd").get() == created[0]
    project = FundedProjectFactory()
    FundedProject.objects.filter(pk=project.pk).update(title="Robot chirurgical")
    assert FundedProject.objects.search("robots chirurgicaux").get() == project


def test_reverse_m2m_add_does_not_crash():
    programme, theme = ProgrammeFactory(), ThemeFactory()
    theme.programmes.add(programme)
    assert list(programme.themes.all()) == [theme]


def test_rebuild_search_index_repairs_any_database():
    theme = ThemeFactory(name="Oncologie")
    programme = ProgrammeFactory(title="Plateforme", themes=[theme])
    project = FundedProjectFactory(title="Séquenceur")
    # An index emptied behind the services' back (a broken database).
    write_index(Programme, {programme.pk: ("", "", "", "")})
    write_index(FundedProject, {project.pk: ("", "", "", "")})
    assert not Programme.objects.search("oncologie").exists() and not FundedProject.objects.search("sequenceur").exists()
    call_command("rebuild_search_index", stdout=io.StringIO())
    assert Programme.objects.search("oncologie").get() == programme and FundedProject.objects.search("séquenceur").get() == project


def test_admin_rename_of_a_theme_and_an_actor_refreshes(admin_client):
    theme = ThemeFactory(name="Cardiologie", slug="cardio")
    actor = ActorFactory(name="Lyonbiopôle", slug="lyonbiopole")
    programme = ProgrammeFactory(themes=[theme])
    ProgrammeActorFactory(programme=programme, actor=actor)
    response = admin_client.post(reverse("admin:programmes_theme_change", args=[theme.pk]),
                                 {"name": "Rythmologie", "name_en": "", "slug": "cardio", "position": 0})
    assert response.status_code == 302
    data = {"name": "Pôle Renommé", "acronym": "", "slug": "lyonbiopole", "kind": "company", "seat": "", "siren": "",
            "website": "", "description": "", "publication_state": "published", "source": "", "edit_version": stored_version(actor)}
    response = admin_client.post(reverse("admin:actors_actor_change", args=[actor.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert "rythmolog" in text_of(programme) and "renom" in text_of(programme)
    response = admin_client.post(reverse("admin:programmes_theme_delete", args=[theme.pk]), {"post": "yes"})
    assert response.status_code == 302 and not Theme.objects.filter(pk=theme.pk).exists()
    assert "rythmolog" not in text_of(programme)
