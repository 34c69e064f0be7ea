"""The regions map: shipped shapes, colour steps, and the map on the home and the listing."""
import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from territories.maps import RAMP, SHAPES, bounds, legend, region_items, shapes, step_of
from territories.models import Territory
from tests.factories import ProgrammeFactory

REGIONS = {"11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94", "01", "02", "03", "04", "06"}
FUTURE = dt.date.today() + dt.timedelta(days=60)


def test_the_shipped_shapes_cover_the_18_regions_and_stay_small():
    data = shapes()
    assert set(data["regions"]) == REGIONS
    assert SHAPES.stat().st_size < 300_000
    for code, region in data["regions"].items():
        assert re.fullmatch(r"(m-?\d+ -?\d+l[-\d ]+z)+", region["d"]), code
        assert region["outline"].startswith("m") and len(region["label"]) == 2


def test_the_shapes_match_the_reference_regions(geography):
    assert set(Territory.objects.regions().values_list("insee_code", flat=True)) == REGIONS


@pytest.mark.parametrize("maximum, expected", [(0, []), (1, [1]), (2, [1, 2]), (4, [1, 2, 3, 4]), (10, [3, 5, 8, 10])])
def test_steps_split_the_counts(maximum, expected):
    assert bounds(maximum) == expected


def test_each_count_gets_its_step_and_the_legend_says_which():
    upper = bounds(10)
    assert [step_of(n, upper) for n in (0, 1, 3, 4, 5, 6, 10)] == [0, 1, 1, 2, 2, 3, 4]
    assert [label for _colour, label in legend(upper)] == ["0", "1–3", "4–5", "6–8", "9–10"]
    assert [label for _colour, label in legend([1, 2])] == ["0", "1", "2"]


def test_region_items_carry_the_number_not_only_the_colour():
    items, _legend = region_items([("53", "Bretagne"), ("84", "ARA")], {"53": 4}, lambda code: f"/x?region={code}")
    bretagne, ara = items
    assert bretagne["fill"] == RAMP[-1] and ara["fill"] == RAMP[0]
    assert bretagne["label"] == "Bretagne : 4 programmes ouverts" and ara["label"] == "ARA : 0 programme ouvert"
    assert bretagne["href"] == "/x?region=53" and bretagne["shape"]["d"]


def _map(html):
    return html[html.index('<figure class="region-map">'):html.index("</figure>", html.index('<figure class="region-map">'))]


MAP = "/statistiques/carte-des-programmes-ouverts/"  # fetched by the home and the listing, inline on /statistiques/


@pytest.mark.parametrize("url", [MAP, "/statistiques/"])
def test_the_map_counts_each_regions_own_open_programmes(client, tree, url):
    ProgrammeFactory(territories=[tree["rennes"]], deadline=FUTURE)
    ProgrammeFactory(territories=[tree["d35"]], deadline=FUTURE)
    ProgrammeFactory(territories=[tree["bretagne"]], deadline=dt.date(2020, 1, 1))  # closed
    ProgrammeFactory(territories=[tree["fr"]], deadline=FUTURE)  # national: shown apart
    ProgrammeFactory(territories=[tree["lyon"]], deadline=FUTURE, publication_state="draft")
    html = _map(client.get(url).content.decode())
    assert 'href="/programmes/?region=53&amp;status=open&amp;scope=local" aria-label="Bretagne : 2 programmes ouverts"' in html
    assert 'aria-label="Auvergne-Rhône-Alpes : 0 programme ouvert"' in html
    assert "Plus 1 programme national ou européen ouvert" in html
    assert '<td>2</td>' in html  # the same figures in the table


def test_a_regions_link_lists_as_many_programmes_as_its_count(client, tree):
    for territory in ("rennes", "d35", "bretagne", "fr"):
        ProgrammeFactory(territories=[tree[territory]], deadline=FUTURE)
    listing = client.get("/programmes/?region=53&status=open&scope=local")
    assert listing.context["paginator"].count == 3
    assert 'aria-label="Bretagne : 3 programmes ouverts"' in _map(client.get(MAP).content.decode())
    for url in ("/", "/programmes/"):  # fetched by the page's script, a link without it
        assert f'data-fragment="{MAP}"' in client.get(url).content.decode()


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_map_costs_the_same_queries_for_1_or_50_programmes(client, tree):
    ProgrammeFactory(territories=[tree["rennes"]], deadline=FUTURE)
    one = _queries(client, MAP)
    for i in range(49):
        ProgrammeFactory(territories=[tree[("rennes", "lyon", "d974", "fr")[i % 4]]], deadline=FUTURE)
    assert _queries(client, MAP) == one
