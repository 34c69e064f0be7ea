"""The actor admin: the autocomplete offers published actors and the user's own, never another's draft."""
import pytest

from editorial.models import PublicationState as S
from editorial.roles import EDITORS, REVIEWERS
from tests.factories import ActorFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors(db):
    own = ActorFactory(name="Acteur à moi", publication_state=S.DRAFT)
    return {
        "own": own,
        "public": ActorFactory(name="Acteur public"),
        "other_draft": ActorFactory(name="Acteur brouillon d'autrui", publication_state=S.DRAFT),
        "editor": staff_user(EDITORS, [own]),
    }


def autocomplete(client, model, field, term="Acteur"):
    response = client.get("/admin/autocomplete/", {"app_label": "programmes", "model_name": model, "field_name": field, "term": term})
    assert response.status_code == 200
    return sorted(result["text"] for result in response.json()["results"])


@pytest.mark.parametrize("model, field", [("programmeactor", "actor"), ("fundedproject", "beneficiary"), ("fundedproject", "partners")])
def test_an_editor_picks_among_published_actors_and_its_own(client, actors, model, field):
    actors["public"].editors.add(staff_user(EDITORS))  # several editors must not repeat a row
    client.force_login(actors["editor"])
    assert autocomplete(client, model, field) == ["Acteur public", "Acteur à moi"]


def test_a_reviewer_sees_every_actor(client, actors):
    client.force_login(staff_user(REVIEWERS))
    assert len(autocomplete(client, "programmeactor", "actor")) == 3
