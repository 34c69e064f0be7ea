import pytest

from actors.models import Actor
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


def test_actors_in_territory_uses_the_closure(tree):
    inside = ActorFactory(seat=tree["lyon"])
    ActorFactory(seat=tree["rennes"])
    assert list(Actor.objects.located_in(tree["ara"])) == [inside]


def test_actor_search_is_folded_and_stemmed(db):
    actor = ActorFactory(name="Université de Bourgogne", acronym="uB")
    assert list(Actor.objects.search("UNIVERSITES bourgogne")) == [actor]
    assert list(Actor.objects.search("ub")) == [actor]


