"""The API's entries: published only, nothing unpublished named through a relation, stable ids,
territory codes, details by slug or uid, pagination, and bad input as a 400 (never a 500)."""
import pytest

pytestmark = pytest.mark.django_db

HIDDEN = ["Acteur Brouillon", "acteur-brouillon", "Programme Brouillon", "programme-brouillon", "Programme Archivé", "programme-archive"]


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:500])
    assert response["Content-Type"] == "application/json"
    return response.json()


def assert_hides_unpublished(response_text):
    leaked = [text for text in HIDDEN if text in response_text]
    assert not leaked, leaked


@pytest.mark.parametrize("url", [
    "/api/v1/programmes/?page_size=100", "/api/v1/programmes/appel-numerique-bretagne/",
    "/api/v1/programmes/ami-rennes-plateformes/", "/api/v1/programmes/france-2030/",
    "/api/v1/actors/?page_size=100", "/api/v1/actors/bpifrance/", "/api/v1/projects/?page_size=100",
])
def test_nothing_unpublished_shows_through_relations(client, directory, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_hides_unpublished(response.content.decode())


def test_a_programme(client, directory):
    programme = directory["programmes"]["appel-numerique-bretagne"]
    body = get(client, f"/api/v1/programmes/{programme.slug}/")
    assert body["uid"] == str(programme.uid) and body["status"] == "open" and body["kind"] == "funding_call"
    assert body["territories"] == [{"kind": "region", "code": "53", "ref": "region:53", "cog": "REG-53", "name": "Bretagne", "slug": "region-53"}]
    assert [(a["role"], a["actor"]["slug"]) for a in body["actors"]] == [("runs", "region-bretagne")]
    assert body["themes"] == [{"slug": "sante-numerique", "name": "Santé numérique", "name_en": ""}]
    assert body["parent"] == {"uid": str(directory["strategy"].uid), "slug": "france-2030", "title": "France 2030 santé"}
    assert body["page_url"].endswith("/programmes/appel-numerique-bretagne/")
    projects = {p["title"]: p for p in body["funded_projects"]}
    assert projects["Projet Rennes IA"]["amount_eur"] == "15000.50"
    assert projects["Projet Rennes IA"]["territory"]["cog"] == "EPCI-243500139"
    assert projects["Projet Du Brouillon"]["beneficiary"] is None
    assert [p["slug"] for p in projects["Projet Du Brouillon"]["partners"]] == ["bpifrance"]


def test_an_unpublished_parent_is_left_out(client, directory):
    assert get(client, "/api/v1/programmes/ami-rennes-plateformes/")["parent"] is None


def test_a_project_of_an_unpublished_programme_shows_no_programme(client, directory):
    """As the listing (docs/api.md): the project is public, the programme cell empty."""
    body = get(client, "/api/v1/projects/projet-orphelin/")
    assert body["programme"] is None and body["beneficiary"]["slug"] == "bpifrance"


@pytest.mark.parametrize(("path", "key"), [("programmes", "programmes"), ("actors", "region"), ("projects", None)])
def test_details_by_slug_or_uid(client, directory, path, key):
    rows = get(client, f"/api/v1/{path}/?page_size=100")["results"]
    row = rows[0]
    assert get(client, f"/api/v1/{path}/{row['slug']}/")["uid"] == row["uid"]
    assert get(client, f"/api/v1/{path}/{row['uid']}/")["slug"] == row["slug"]


@pytest.mark.parametrize("url", [
    "/api/v1/programmes/programme-brouillon/", "/api/v1/programmes/programme-archive/", "/api/v1/actors/acteur-brouillon/",
    "/api/v1/programmes/00000000-0000-0000-0000-000000000000/", "/api/v1/projects/absent/",
    "/api/v1/territories/region:99/", "/api/v1/themes/absent/", "/api/v1/audiences/absent/", "/api/v1/programmes/%C3%A9%00/",
])
def test_unpublished_or_unknown_entries_are_not_found(client, directory, url):
    response = client.get(url)
    assert response.status_code in (400, 404), url
    assert_hides_unpublished(response.content.decode())


def test_an_unpublished_entrys_uid_is_not_found(client, directory):
    assert client.get(f"/api/v1/actors/{directory['draft'].uid}/").status_code == 404


def test_territories_with_insee_and_cog_codes(client, directory):
    regions = get(client, "/api/v1/territories/?kind=region&page_size=100")["results"]
    assert {(t["code"], t["cog"], t["ref"]) for t in regions} >= {("53", "REG-53", "region:53"), ("04", "REG-04", "region:04")}
    department = get(client, "/api/v1/territories/department:35/")
    assert department["cog"] == "DEP-35" and department["parents"] == ["region:53"]
    assert get(client, "/api/v1/territories/FR/", status=404)
    assert get(client, f"/api/v1/territories/{department['slug']}/")["code"] == "35"
    countries = get(client, "/api/v1/territories/?kind=country&kind=continent")["results"]
    assert sorted(t["cog"] for t in countries) == ["EU", "FR"]


def test_themes_and_audiences(client, directory):
    from programmes.models import Theme

    slugs = [t["slug"] for t in get(client, "/api/v1/themes/?page_size=100")["results"]]
    assert slugs == list(Theme.objects.order_by("position", "name").values_list("slug", flat=True))
    assert {"cancer", "sante-numerique"} <= set(slugs)
    assert get(client, "/api/v1/audiences/entreprises/")["name"] == "Entreprises"


def test_pages(client, directory):
    first = get(client, "/api/v1/programmes/?closed=include&page_size=3")
    assert (first["count"], first["page"], first["pages"], first["previous"]) == (7, 1, 3, None)
    second = get(client, first["next"])
    assert second["page"] == 2 and second["previous"].endswith("/api/v1/programmes/?closed=include&page_size=3")
    assert not {r["slug"] for r in first["results"]} & {r["slug"] for r in second["results"]}


@pytest.mark.parametrize(("query", "message"), [
    ("page=abc", "Le numéro de page « abc » n'est pas un nombre entier."),

    ("page=1&page=2", "Le paramètre « page » ne peut apparaître qu'une fois."),
    ("page_size=0", "La taille de page doit être un nombre entier entre 1 et 100."),
    ("page_size=101", "La taille de page doit être un nombre entier entre 1 et 100."),
    ("page_size=%F0%9F%98%80", "La taille de page doit être un nombre entier entre 1 et 100."),
])
def test_bad_pages(client, directory, query, message):
    assert get(client, f"/api/v1/programmes/?{query}", status=400)["errors"] == [message]


def test_a_page_past_the_last_is_not_found(client, directory):
    body = get(client, "/api/v1/programmes/?page=9", status=404)
    assert body["errors"] == ["La page 9 n'existe pas : les résultats tiennent sur 1 page(s)."]


def test_a_nul_byte_is_refused_in_json(client, directory):
    body = get(client, "/api/v1/programmes/?q=a%00b", status=400)
    assert body["errors"] == ["L'adresse contient un caractère nul, qui n'est pas accepté."]


@pytest.mark.parametrize("query", ["region=%00", "q=%ff%fe", "sort=nope", "status=", "theme=a&theme=b", "kind=" + "k" * 5000])
def test_hostile_parameters_are_refused_or_ignored_never_a_500(client, directory, query):
    response = client.get(f"/api/v1/programmes/?{query}")
    assert response.status_code in (200, 400)


def test_answers_in_english_with_the_language_cookie(client, directory):
    client.cookies["django_language"] = "en"
    body = get(client, "/api/v1/programmes/appel-numerique-bretagne/")
    assert body["kind_label"] == "Call for projects"


def test_the_index_links_every_endpoint(client, db):
    body = get(client, "/api/v1/")
    assert body["openapi"].endswith("/api/v1/openapi.json") and body["docs"].endswith("/api/v1/docs/")
    for name in ("programmes", "actors", "projects", "territories", "themes", "audiences"):
        assert client.get(body[name]).status_code == 200
