""""Où êtes-vous ?" (issue 23, item 3): /programmes/ou/ without JavaScript (one commune → its listing,
homonyms or a shared postal code → a choice, none → said), the combobox's JSON suggestions, and the
prefix indexes they are read from."""
import pytest
from django.db import connection

from territories.models import Territory
from territories.places import suggest_communes
from tests.factories import TerritoryFactory
from tests.programmes.where_tree import build_tree_with_communes

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(db):
    return build_tree_with_communes()


@pytest.mark.parametrize(("lieu", "commune"), [
    ("Rennes", "35238"), ("rennes", "35238"), ("VITRE", "35360"), ("  vitré ", "35360"), ("cesson sevigne", "35051"),
    ("35500", "35360"), ("69002", "69123"),  # a postal code after the first
])
def test_one_commune_goes_to_its_listing(client, tree, lieu, commune):
    response = client.get("/programmes/ou/", {"lieu": lieu})
    assert response.status_code == 302
    assert response["Location"] == f"/programmes/?commune={commune}"


def test_the_listings_other_parameters_come_along_but_not_its_territories(client, tree):
    response = client.get("/programmes/ou/?lieu=Rennes&q=sant%C3%A9&kind=ami&kind=grant&region=84&department=69&epci=1&commune=2&page=3&utm=x")
    assert response["Location"] == "/programmes/?q=sant%C3%A9&kind=ami&kind=grant&commune=35238"


def test_homonyms_are_listed_with_their_department(client, tree):
    response = client.get("/programmes/ou/?lieu=Saint-Aubin&status=open")
    page = response.content.decode()
    assert response.status_code == 200
    assert "2 communes correspondent à « Saint-Aubin »" in page
    assert '<a href="/programmes/?status=open&amp;commune=35990">Saint-Aubin (Ille-et-Vilaine, 35)</a>' in page
    assert '<a href="/programmes/?status=open&amp;commune=69990">Saint-Aubin (Rhône, 69)</a>' in page
    assert 'value="Saint-Aubin"' in page  # the field again, filled


def test_a_postal_code_shared_by_communes_lists_them(client, tree):
    page = client.get("/programmes/ou/?lieu=35510").content.decode()
    assert "Cesson-Sévigné (Ille-et-Vilaine, 35)" in page and "Bourg-des-Tests (Ille-et-Vilaine, 35)" in page
    assert page.index("Cesson-Sévigné") < page.index("Bourg-des-Tests")  # the most populated first


def test_the_start_of_a_name_lists_the_communes_it_begins(client, tree):
    page = client.get("/programmes/ou/?lieu=saint").content.decode()
    assert "Saint-Denis (La Réunion, 974)" in page and "Saint-Aubin (Rhône, 69)" in page


def test_no_commune_says_so_with_the_field_again(client, tree):
    response = client.get("/programmes/ou/?lieu=Trifouilly")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Aucune commune ne correspond à « Trifouilly »" in page and 'name="lieu"' in page


def test_an_empty_field_shows_the_form(client, tree):
    response = client.get("/programmes/ou/")
    assert response.status_code == 200 and 'name="lieu"' in response.content.decode()


@pytest.mark.parametrize("query", ["lieu=a&lieu=b", "lieu=" + "x" * 101])
def test_bad_input_is_a_400(client, tree, query):
    for path in ("/programmes/ou/", "/programmes/ou/suggestions.json"):
        assert client.get(f"{path}?{query}").status_code == 400


def test_the_form_is_on_the_home_page_and_the_listing(client, tree):
    for url in ("/", "/programmes/?q=sant%C3%A9&commune=35238"):
        page = client.get(url).content.decode()
        assert '<form class="where" method="get" action="/programmes/ou/"' in page
        assert '<label for="where-lieu">Où êtes-vous ?</label>' in page
    assert '<input type="hidden" name="q" value="santé">' in page  # the listing's search goes along


def test_suggestions_are_json_with_code_department_postal_codes_and_url(client, tree):
    response = client.get("/programmes/ou/suggestions.json?lieu=ren&theme=")
    assert response["Content-Type"] == "application/json"
    assert response.json() == [{
        "code": "35238", "name": "Rennes", "label": "Rennes (Ille-et-Vilaine, 35)", "short_label": "Rennes (35)",
        "department": {"code": "35", "name": "Ille-et-Vilaine"}, "postal_codes": ["35000", "35200", "35700"],
        "url": "/programmes/?commune=35238",
    }]


@pytest.mark.parametrize(("lieu", "names"), [
    ("vitre", ["Vitré"]), ("VITRÉ", ["Vitré"]), ("Vitré", ["Vitré"]),
    ("saint", ["Saint-Denis", "Saint-Aubin", "Saint-Aubin"]),  # the most populated first
    ("aubin", ["Saint-Aubin", "Saint-Aubin"]),  # a later word
    ("cesson-s", ["Cesson-Sévigné"]), ("355", ["Vitré", "Cesson-Sévigné", "Bourg-des-Tests"]),
    ("r", []), (" ", []), ("", []), ("zz", []),
])
def test_suggestions_by_name_or_postal_code_accents_aside(client, tree, lieu, names):
    response = client.get("/programmes/ou/suggestions.json", {"lieu": lieu})
    assert [row["name"] for row in response.json()] == names


def test_at_most_ten_suggestions_exact_name_first(client, tree):
    for n in range(12):
        TerritoryFactory(kind=Territory.Kind.COMMUNE, insee_code=f"350{n:02d}9", name=f"Plou {n}", population=1000 + n,
                         parents=[tree["d35"]])
    TerritoryFactory(kind=Territory.Kind.COMMUNE, insee_code="35999", name="Plou", population=10, parents=[tree["d35"]])
    rows = client.get("/programmes/ou/suggestions.json?lieu=plou&kind=ami").json()
    assert len(rows) == 10
    assert [row["name"] for row in rows[:3]] == ["Plou", "Plou 11", "Plou 10"]
    assert rows[0]["url"] == "/programmes/?kind=ami&commune=35999"


def test_suggestions_are_read_in_three_queries_at_most(tree, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        assert [commune.name for commune in suggest_communes("aubin")] == ["Saint-Aubin", "Saint-Aubin"]


@pytest.mark.parametrize(("column", "value"), [("search_name", "ren"), ("postal_codes", "350")])
def test_the_start_of_a_name_or_postal_code_is_read_from_an_index(tree, column, value):
    queryset = Territory.objects.communes().filter(**{f"{column}__startswith": value}).values("id")
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")  # a few rows: else the planner reads the table
            cursor.execute("SET LOCAL enable_bitmapscan = off")
            cursor.execute(f"EXPLAIN {sql}", params)
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert f"territory_kind_{column}" in plan and ">" in plan, plan
