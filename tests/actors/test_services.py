"""Writes of actors refresh what shows their name, and only when something can show it."""
import pytest

from actors import services
from actors.models import Actor


@pytest.fixture
def refreshed(monkeypatch):
    """The actor ids each dependent refresh was asked for."""
    calls = []
    monkeypatch.setattr(services, "_dependents", [calls.append])
    return calls


@pytest.mark.django_db
def test_a_new_actor_refreshes_no_dependent_entry(refreshed):
    actor = services.save_actor(actor=Actor(name="Nouvel acteur", slug="nouvel-acteur", kind=Actor.Kind.COMPANY))
    assert refreshed == [] and Actor.objects.get(pk=actor.pk).name == "Nouvel acteur"


@pytest.mark.django_db
def test_renaming_an_actor_refreshes_the_entries_that_show_it(refreshed):
    actor = services.save_actor(actor=Actor(name="Avant", slug="avant", kind=Actor.Kind.COMPANY))
    actor.name = "Après"
    services.save_actor(actor=actor)
    assert refreshed == [[actor.pk]]
