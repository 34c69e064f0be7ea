import pytest

from actors.models import Actor, Territory, TerritoryClosure
from tests.factories import ActorFactory, TerritoryFactory

pytestmark = pytest.mark.django_db


def names(queryset):
    return set(queryset.values_list("name", flat=True))


def test_containing_a_metropole_goes_up_to_europe(tree):
    assert names(tree["rennes"].ancestors.all()) == {
        "Rennes Métropole", "Ille-et-Vilaine", "Bretagne", "France", "Union européenne",
    }


def test_inside_a_region_lists_departments_and_metropoles(tree):
    assert names(tree["ara"].descendants.all()) == {"Auvergne-Rhône-Alpes", "Rhône", "Métropole de Lyon"}
    assert tree["rennes"] not in tree["ara"].descendants.all()


def test_closure_depths(tree):
    depth = TerritoryClosure.objects.get(descendant=tree["lyon"], ancestor=tree["fr"]).depth
    assert depth == 3


def test_closure_follows_parent_edits(tree):
    # A territory may have several parents: adding one updates both directions.
    tree["rennes"].parents.add(tree["ara"])
    assert tree["rennes"] in tree["ara"].descendants.all()
    tree["rennes"].parents.remove(tree["ara"])
    assert tree["rennes"] not in tree["ara"].descendants.all()


def test_new_territory_contains_itself(db):
    t = TerritoryFactory()
    assert list(t.ancestors.all()) == [t]


def test_actors_in_territory_uses_the_closure(tree):
    inside = ActorFactory(seat=tree["lyon"])
    ActorFactory(seat=tree["rennes"])
    assert list(Actor.objects.in_territory(tree["ara"])) == [inside]


def test_actor_search_text_is_folded(db):
    actor = ActorFactory(name="Université de Bourgogne", acronym="uB")
    assert "universite de bourgogne" in actor.search_text


def test_territory_kind_code_is_unique(tree):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Territory.objects.create(kind="region", insee_code="53", name="Doublon", slug="doublon")
