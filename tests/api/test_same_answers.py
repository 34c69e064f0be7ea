"""An API answer equals the listing and the CSV export for the same parameters: same FilterSet,
same rows, same order (on SQLite and PostgreSQL alike: `make test` with DATABASE_URL)."""
import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def api_slugs(client, path, query):
    """Every page of the API answer, by slug, following `next`."""
    url, slugs = f"/api/v1/{path}/?{query}&page_size=2", []
    while url:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content)
        body = response.json()
        slugs += [row["slug"] for row in body["results"]]
        url = body["next"]
    return slugs


def listing_slugs(client, path, query):
    response = client.get(f"/{path}/?{query}")
    assert response.status_code == 200, response.content
    assert not response.context["page_obj"].has_next()  # the fixture fits one page
    return [row.slug for row in response.context["object_list"]]


def export_slugs(client, path, query):
    response = client.get(f"/{path}/export.csv?{query}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    return [row["slug"] for row in csv.DictReader(io.StringIO(text))]


PROGRAMME_QUERIES = [
    "",
    "region=53",
    "closed=include",
    "region=53&scope=local",
    "department=35&sort=title",
    "kind=funding_call&kind=ami",
    "theme=sante-numerique&audience=entreprises",
    "status=open&status=upcoming",
    "status=closed&sort=recent",
    "q=santé",
    "q=innovation&region=84",
    "actor=bpifrance&sort=deadline",
]


@pytest.mark.parametrize("query", PROGRAMME_QUERIES)
def test_programmes(client, directory, query):
    api = api_slugs(client, "programmes", query)
    assert api == listing_slugs(client, "programmes", query) == export_slugs(client, "programmes", query)
    assert "programme-brouillon" not in api and "programme-archive" not in api


def test_the_queries_select_different_rows(client, directory):
    """The comparisons above are not all of the same empty or full list."""
    answers = {tuple(api_slugs(client, "programmes", query)) for query in PROGRAMME_QUERIES}
    assert len(answers) >= 8
    assert all(len(answer) <= 7 for answer in answers) and max(len(answer) for answer in answers) == 7


@pytest.mark.parametrize("query", ["", "region=53", "kind=agency&kind=region", "q=bpifrance"])
def test_actors(client, directory, query):
    api = api_slugs(client, "actors", query)
    assert api == listing_slugs(client, "acteurs", query) == export_slugs(client, "acteurs", query)
    assert "acteur-brouillon" not in api


@pytest.mark.parametrize("query", ["", "region=53", "year=2024", "programme=appel-numerique-bretagne", "beneficiary_kind=agency", "q=rennes"])
def test_projects(client, directory, query):
    api = api_slugs(client, "projects", query)
    assert api == listing_slugs(client, "projets", query) == export_slugs(client, "projets", query)


@pytest.mark.parametrize(("path", "page"), [("programmes", "programmes"), ("actors", "acteurs"), ("projects", "projets")])
@pytest.mark.parametrize("query", ["region=99", "kind=nope", "year=abc", "q=" + "x" * 300, "region=53&region=84"])
def test_bad_parameters_get_the_listings_messages(client, directory, path, page, query):
    listing = client.get(f"/{page}/?{query}")
    api = client.get(f"/api/v1/{path}/?{query}")
    if listing.status_code == 200:  # a parameter this listing does not have is ignored by both
        assert api.status_code == 200
        return
    assert listing.status_code == api.status_code == 400
    body = api.json()
    assert body["detail"] == "Filtres invalides :"
    assert body["errors"] and body["errors"] == listing.context["errors"]
