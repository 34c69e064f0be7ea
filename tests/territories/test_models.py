import pytest
from django.db import IntegrityError, transaction

from territories.codes import format_code, parse_code
from territories.models import Territory, TerritoryClosure, TerritoryScope
from territories.services import set_parents
from tests.factories import TerritoryFactory

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
    set_parents(tree["rennes"], [tree["d35"], tree["ara"]])
    assert tree["rennes"] in tree["ara"].descendants.all()
    set_parents(tree["rennes"], [tree["d35"]])
    assert tree["rennes"] not in tree["ara"].descendants.all()


def test_new_territory_contains_itself(db):
    t = TerritoryFactory()
    assert list(t.ancestors.all()) == [t]


def test_territory_kind_code_is_unique(tree):
    with pytest.raises(IntegrityError), transaction.atomic():
        Territory.objects.create(kind="region", insee_code="53", name="Doublon", slug="doublon")


def test_scope_inside_and_containing_as_sets_and_subqueries(tree):
    scope = TerritoryScope(tree["d35"])
    assert scope.inside_ids == {tree["d35"].id, tree["rennes"].id}
    assert scope.containing_ids == {tree["d35"].id, tree["bretagne"].id, tree["fr"].id, tree["eu"].id}
    assert set(Territory.objects.filter(scope.applies_q("id")).values_list("id", flat=True)) == scope.inside_ids | scope.containing_ids
    local = TerritoryScope(tree["d35"], local_only=True)
    assert local.containing_ids == {tree["d35"].id, tree["bretagne"].id}


def test_codes_round_trip(tree):
    assert format_code(tree["d35"]) == "department:35"
    assert parse_code("department:35") == ("department", "35")
    assert Territory.objects.get_by_code("epci:243500139") == tree["rennes"]
    assert format_code(None) == ""
    for bad in ("", "53", "region:", ":53"):
        with pytest.raises(ValueError):
            parse_code(bad)
