"""Territory pickers in the admin: one search by name (accents aside), code or postal code; the
reference geography itself is read only."""
import pytest

from editorial.roles import EDITORS
from territories.models import Territory
from tests.factories import ActorFactory, TerritoryFactory, staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("geography")]


@pytest.fixture
def communes(geography):
    metropole, d35 = Territory.objects.get_by_code("epci:243500139"), Territory.objects.get_by_code("department:35")
    TerritoryFactory(kind="commune", insee_code="35238", name="Rennes", postal_codes="35000 35200 35700", population=230890,
                     parents=[metropole, d35])
    TerritoryFactory(kind="commune", insee_code="35051", name="Cesson-Sévigné", postal_codes="35510", population=18000,
                     parents=[metropole, d35])


def picked(client, term, model="programme", field="territories", app="programmes"):
    response = client.get("/admin/autocomplete/", {"app_label": app, "model_name": model, "field_name": field, "term": term})
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


@pytest.mark.parametrize(("term", "expected"), [
    ("35200", ["Rennes (35238)"]), ("rennes", ["Rennes Métropole", "Rennes (35238)"]), ("cesson sevigne", ["Cesson-Sévigné (35051)"]),
    ("243500139", ["Rennes Métropole"]), ("ille vil", ["Ille-et-Vilaine (35)"]), ("zzqx", []), ("COM-35238", ["Rennes (35238)"]), ("DEP-35", ["Ille-et-Vilaine (35)"]),
])
def test_an_editor_picks_a_territory_by_name_code_or_postal_code(client, communes, term, expected):
    client.force_login(staff_user(EDITORS, [ActorFactory()]))
    assert picked(client, term) == expected


def test_every_territory_picker_searches_the_same_way(admin_client, communes):
    assert picked(admin_client, "35510", "fundedproject", "territory") == ["Cesson-Sévigné (35051)"]
    assert picked(admin_client, "35510", "actor", "seat", "actors") == ["Cesson-Sévigné (35051)"]


def test_the_reference_geography_is_read_only(admin_client, communes):
    rennes = Territory.objects.get_by_code("commune:35238")
    assert admin_client.get("/admin/territories/territory/?q=35200").status_code == 200
    response = admin_client.post(f"/admin/territories/territory/{rennes.id}/change/", {"name": "Autre", "kind": "commune"})
    assert response.status_code == 403
    assert admin_client.get("/admin/territories/territory/add/").status_code == 403
    assert Territory.objects.get(id=rennes.id).name == "Rennes"
