"""The whole reference geography, communes included (data/geography.csv.gz, decoupage-administratif 6.0.0).

The test settings migrate without the communes (GEOGRAPHY_COMMUNES): this module loads them
once, committed, and removes them when it ends, so that no other test pays for 35,000 rows."""
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import Count

from territories.geography_loader import check_rows
from territories.models import Territory, TerritoryClosure
from territories.services import load_geography, set_parents
from tests.factories import ProgrammeFactory, TerritoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def communes(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        load_geography(communes=True)
        yield
        communes = Territory.objects.communes()
        for model, column in ((TerritoryClosure, "descendant_id"), (Territory.parents.through, "from_territory_id")):
            model.objects.filter(**{f"{column}__in": communes.values("id")})._raw_delete(model.objects.db)
        communes._raw_delete(Territory.objects.db)


def code(text):
    return Territory.objects.get_by_code(text)


def ancestors(territory):
    return set(territory.ancestors.values_list("kind", "insee_code"))


def test_counts_per_level():
    counts = dict(Territory.objects.values_list("kind").annotate(n=Count("id")))
    assert counts == {"continent": 1, "country": 1, "region": 18, "department": 101, "collectivity": 8, "epci": 1255,
                      "ept": 11, "commune": 34969}
    assert counts["department"] + counts["collectivity"] == 109  # the data's "départements"


def test_every_commune_reaches_its_region_or_collectivity_and_france():
    communes = Territory.objects.communes()
    france, europe = code("country:FR"), code("continent:EU")
    for top in (france, europe):
        assert TerritoryClosure.objects.filter(ancestor=top, descendant__in=communes).count() == 34969
    in_a_region = TerritoryClosure.objects.filter(ancestor__kind="region", descendant__in=communes)
    overseas = TerritoryClosure.objects.filter(ancestor__kind="collectivity", descendant__in=communes)
    assert in_a_region.count() + overseas.count() == 34969  # each in one, exactly
    assert in_a_region.values("descendant").distinct().count() == in_a_region.count()


def test_a_commune_climbs_commune_epci_department_region_france_europe():
    rennes = code("commune:35238")
    assert ancestors(rennes) == {("commune", "35238"), ("epci", "243500139"), ("department", "35"), ("region", "53"),
                                 ("country", "FR"), ("continent", "EU")}
    assert rennes.postal_codes == "35000 35200 35700" and rennes.population > 200000
    assert ancestors(code("commune:98735")) == {("commune", "98735"), ("collectivity", "987"), ("country", "FR"), ("continent", "EU")}
    # Montreuil: its EPT, inside the Métropole du Grand Paris, inside Île-de-France.
    assert {("ept", "200057875"), ("epci", "200054781"), ("department", "93"), ("region", "11")} <= ancestors(code("commune:93048"))


def test_the_first_metropoles_keep_their_slugs_and_gain_their_communes():
    rennes_metropole = Territory.objects.get(slug="rennes-metropole")
    assert rennes_metropole.code == "epci:243500139"
    assert rennes_metropole.descendants.filter(kind="commune").count() == 43
    assert Territory.objects.get(slug="metropole-de-lyon").descendants.filter(kind="commune").count() == 58


def test_a_commune_cannot_be_in_two_epcis():
    vannes = code("commune:56260")
    with pytest.raises(ValidationError):
        set_parents(vannes, [code("department:56"), code("epci:200067932"), code("epci:243500139")])
    assert vannes.parents.filter(kind="epci").count() == 1
    with pytest.raises(ValueError, match="56260"):
        check_rows([{"kind": "commune", "insee_code": "56260", "parents": "department:56 epci:200067932 epci:243500139"}])


def test_the_refresh_is_idempotent():
    report = load_geography(communes=True, remove=True)
    assert (report.created, report.updated, report.removed, report.kept) == (0, 0, [], [])


def test_the_refresh_reports_merged_communes_and_keeps_those_still_named():
    # 01340 and 01144 were merged into Arboys en Bugey (01015) and Bâgé-Dommartin (01025).
    ain = code("department:01")
    TerritoryFactory(kind="commune", insee_code="01340", name="Arbignieu", parents=[ain])
    named = TerritoryFactory(kind="commune", insee_code="01144", name="Dommartin", parents=[ain])
    ProgrammeFactory(territories=[named])
    out = io.StringIO()
    call_command("load_geography", stdout=out)
    text = out.getvalue()
    assert "Supprimé : commune:01340 Arbignieu — fusionnée dans 01015 Arboys en Bugey" in text
    assert "Conservé car encore cité (1 programmes) : commune:01144 Dommartin — fusionnée dans 01025 Bâgé-Dommartin" in text
    assert not Territory.objects.filter(insee_code="01340").exists()
    assert Territory.objects.filter(insee_code="01144").exists()


@pytest.mark.parametrize(("text", "first", "department"), [
    ("rennes", "Rennes", "35"), ("35200", "Rennes", "35"), ("EVRY courcouronnes", "Évry-Courcouronnes", "91"), ("evry", "Évry", "89"),
    ("saint-pierre", "Saint-Pierre", "974"), ("miquelon", "Miquelon-Langlade", "975"), ("97500", "Saint-Pierre", "975"),
])
def test_communes_are_found_by_name_or_postal_code_with_their_department(text, first, department):
    found = Territory.objects.find_communes(text)
    assert (found[0].name, found[0].department_code) == (first, department)


def test_homonyms_are_all_listed_with_their_departments():
    found = list(Territory.objects.find_communes("Saint-Aubin").filter(search_name="saint aubin"))
    assert len(found) >= 10 and len({c.department_code for c in found}) == len(found)
