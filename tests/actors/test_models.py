import pytest

from actors.models import Actor
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


def test_actors_in_territory_uses_the_closure(tree):
    inside = ActorFactory(seat=tree["lyon"])
    ActorFactory(seat=tree["rennes"])
    assert list(Actor.objects.located_in(tree["ara"])) == [inside]


def test_actor_search_text_is_folded(db):
    actor = ActorFactory(name="Université de Bourgogne", acronym="uB")
    actor.refresh_from_db()
    assert "universite de bourgogne" in actor.search_text


