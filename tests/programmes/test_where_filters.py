"""`commune=<INSEE>` and `epci=<SIREN>` (issue 23, item 3): every reader accepts them through the one
FilterSet, a search by commune finds exactly what applies there by the closure rule, an unknown
code is a 400 saying so, and chips, titles and cards name the commune."""
import html
import random

import pytest

from programmes.models import Programme
from territories.models import Territory, TerritoryClosure
from tests.api.test_same_answers import api_slugs, export_slugs, listing_slugs
from tests.factories import ProgrammeFactory
from tests.programmes.where_tree import build_tree_with_communes

pytestmark = pytest.mark.django_db


@pytest.fixture
def places(db):
    tree = build_tree_with_communes()
    programmes = {
        "metropole": ProgrammeFactory(title="Plan santé Rennes Métropole", territories=[tree["rennes"]]),
        "rennes": ProgrammeFactory(title="Aide de la ville de Rennes", territories=[tree["c_rennes"]]),
        "cesson": ProgrammeFactory(title="Aide de Cesson", territories=[tree["c_cesson"]]),
        "ille": ProgrammeFactory(title="Fonds Ille-et-Vilaine", territories=[tree["d35"]]),
        "bretagne": ProgrammeFactory(title="Appel Bretagne", territories=[tree["bretagne"]]),
        "france": ProgrammeFactory(title="France 2030", territories=[tree["fr"]]),
        "europe": ProgrammeFactory(title="Horizon Europe", territories=[tree["eu"]]),
        "lyon": ProgrammeFactory(title="Aide Métropole de Lyon", territories=[tree["lyon"]]),
        "vitre": ProgrammeFactory(title="Aide de Vitré", territories=[tree["c_vitre"]]),
        "aubin69": ProgrammeFactory(title="Aide de Saint-Aubin (Rhône)", territories=[tree["c_aubin69"]]),
    }
    return tree, {key: programme.slug for key, programme in programmes.items()}


QUERIES = [
    ("commune=35238", ["metropole", "rennes", "ille", "bretagne", "france", "europe"]),
    ("commune=35238&scope=local", ["metropole", "rennes", "ille", "bretagne"]),
    ("commune=35360", ["ille", "bretagne", "france", "europe", "vitre"]),
    ("epci=243500139", ["metropole", "rennes", "cesson", "ille", "bretagne", "france", "europe"]),
    ("epci=243500139&scope=local&sort=title", ["metropole", "rennes", "cesson", "ille", "bretagne"]),
    ("commune=69123&region=84", ["france", "europe", "lyon"]),  # not Saint-Aubin's, in the region
]


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_listing_export_and_api_give_the_same_rows_in_the_same_order(client, places, query, expected):
    _tree, slugs = places
    listing = listing_slugs(client, "programmes", query)
    assert listing == export_slugs(client, "programmes", query) == api_slugs(client, "programmes", query)
    assert sorted(listing) == sorted(slugs[key] for key in expected)


@pytest.mark.parametrize("path", ["/programmes/feed/", "/programmes/calendar.ics", "/programmes/export-dispositifs.json",
                                  "/programmes/export-dispositifs.csv", "/alertes/", "/programmes/export.csv?dialect=excel-fr&"])
def test_every_reader_accepts_commune_and_epci(client, places, path):
    separator = "" if path.endswith("&") else "?"
    for query in ("commune=35238", "epci=243500139"):
        response = client.get(f"{path}{separator}{query}")
        assert response.status_code == 200, (path, query)
    unknown = client.get(f"{path}{separator}commune=99999")
    assert unknown.status_code == 400
    assert "La commune « 99999 » n'existe pas." in _text(unknown)


def _text(response):
    """The body, HTML entities read back ("n'existe" is written n&#x27;existe in a page)."""
    return html.unescape((b"".join(response.streaming_content) if response.streaming else response.content).decode())


@pytest.mark.parametrize(("query", "message"), [
    ("commune=99999", "La commune « 99999 » n'existe pas."),
    ("commune=53", "La commune « 53 » n'existe pas."),  # a region's code is no commune's
    ("epci=12", "L'intercommunalité « 12 » n'existe pas."),
    ("epci=35238", "L'intercommunalité « 35238 » n'existe pas."),
])
def test_an_unknown_code_is_a_400_naming_it_on_every_reader(client, places, query, message):
    for url in (f"/programmes/?{query}", f"/programmes/export.csv?{query}"):
        response = client.get(url)
        assert response.status_code == 400 and message in _text(response), url
    api = client.get(f"/api/v1/programmes/?{query}")
    assert api.status_code == 400 and api.json()["errors"] == [message]


def test_a_repeated_commune_is_a_400(client, places):
    assert client.get("/programmes/?commune=35238&commune=35360").status_code == 400


def test_the_most_precise_territory_is_the_one_a_card_explains_itself_for(client, places):
    response = client.get("/programmes/?region=53&epci=243500139&commune=35238")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Couvre Rennes Métropole" in page  # the métropole's programme, seen from Rennes
    assert "Couvre Rennes</p>" in page  # the commune's own
    assert "Programme national" in page and "Programme européen" in page


def test_chips_and_title_name_the_commune_with_its_department(client, places):
    response = client.get("/programmes/?commune=35238&kind=funding_call")
    page = response.content.decode()
    assert "<title>Programmes — Rennes (35), Appel à projets" in page
    assert "Retirer le filtre Rennes (35)" in page
    epci = client.get("/programmes/?epci=243500139").content.decode()
    assert "<title>Programmes — Rennes Métropole" in epci
    feed = client.get("/programmes/feed/?commune=35238&kind=funding_call").content.decode()
    assert "<title>Programmes — Rennes (35), Appel à projets</title>" in feed  # not its INSEE code


def test_the_filter_form_keeps_the_commune_and_the_map_still_links_regions(client, places):
    page = client.get("/programmes/?commune=35238&epci=243500139").content.decode()
    form = page[page.index('id="filters-form"'):]
    form = form[:form.index("</form>")]
    assert '<input type="hidden" name="commune" value="35238">' in form
    assert '<input type="hidden" name="epci" value="243500139">' in form
    assert client.get("/programmes/?region=53").status_code == 200


def applies_by_closure(programme_territories, place, *, local_only):
    """The programmes that apply in `place`, read from the closure rows alone."""
    pairs = set(TerritoryClosure.objects.values_list("ancestor_id", "descendant_id"))
    supra = set(Territory.objects.filter(kind__in=Territory.SUPRA_NATIONAL).values_list("id", flat=True))
    found = set()
    for slug, territories in programme_territories.items():
        for territory in territories:
            inside = (place.id, territory.id) in pairs
            containing = (territory.id, place.id) in pairs and not (local_only and territory.id in supra)
            if inside or containing:
                found.add(slug)
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_search_by_commune_or_epci_finds_exactly_what_applies_there(client, seed):
    tree = build_tree_with_communes()
    rng = random.Random(seed)
    territories = list(tree.values())
    attached = {}
    for n in range(25):
        chosen = rng.sample(territories, rng.choice([0, 1, 1, 2, 3]))
        attached[ProgrammeFactory(title=f"Programme aléatoire {n}", territories=chosen).slug] = chosen
    places = [t for t in territories if t.kind in (Territory.Kind.COMMUNE, Territory.Kind.EPCI)]
    for place in places:
        parameter = "commune" if place.kind == Territory.Kind.COMMUNE else "epci"
        for local_only in (False, True):
            query = f"{parameter}={place.insee_code}&closed=include" + ("&scope=local" if local_only else "")
            found = set(export_slugs(client, "programmes", query))
            assert found == applies_by_closure(attached, place, local_only=local_only), (place.name, local_only)
    assert Programme.objects.count() == 25
