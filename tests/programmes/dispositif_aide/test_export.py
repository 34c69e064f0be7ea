"""The listing in Etalab's schema-dispositif-aide (JSON and CSV): valid against the schema's JSON
Schema (tests/opendata/), the listing's rows in its order, only published entries, mapped as the
docs/data-formats.md says, bad parameters refused, constant queries."""
import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programmes.dispositif_aide.export import FIELDS
from programmes.models import Audience
from territories.models import Territory
from tests.factories import ActorFactory, AudienceFactory, ProgrammeActorFactory, ProgrammeFactory
from tests.shared_data import copy_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(shared_demo, db):
    """The demo data, loaded once for this module (tests/shared_data.py)."""
    return copy_of(shared_demo)

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "opendata" / "schema-dispositif-aide-0.1.0.json"
FILTER_SETS = ["", "region=84", "region=53&scope=local", "q=sante", "kind=ami&kind=funding_call", "sort=title",
               "department=76", "status=undated&sort=recent"]


def validator():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def json_export(client, params=""):
    response = client.get(f"/programmes/export-dispositifs.json?{params}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(b"".join(response.streaming_content))


def csv_export(client, params=""):
    response = client.get(f"/programmes/export-dispositifs.csv?{params}")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    # A CSV cell is text: the organisations' cell holds their JSON, an empty cell is a missing value.
    return [{name: (json.loads(value) if name == "porteurs" else value or None) for name, value in row.items()} for row in rows]


def listing_titles(client, params=""):
    response = client.get(f"/programmes/export.csv?{params}")
    return [row["title"] for row in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8")))]


@pytest.mark.parametrize("params", FILTER_SETS)
def test_demo_data_exports_are_valid_and_follow_the_listing(client, demo, params):
    check = validator()
    as_json, as_csv = json_export(client, params), csv_export(client, params)
    errors = [f"{item['titre']}: {error.message}" for item in as_json for error in check.iter_errors([item])]
    assert not errors
    assert as_csv == as_json
    assert [item["titre"] for item in as_json] == listing_titles(client, params)


def test_the_csv_has_the_schema_columns_in_order(client, demo):
    response = client.get("/programmes/export-dispositifs.csv")
    header = next(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert header == FIELDS


def test_an_invalid_record_fails_the_schema(client, demo):
    item = json_export(client)[0]
    check = validator()
    for broken in ({"eligibilite_geographique": "region:53"}, {"cibles": "entreprises"}, {"id": "pas-un-uuid"},
                   {"promesse": "x" * 181}, {"porteurs": [{"nom": "X", "roles": ["chef"]}]}):
        assert list(check.iter_errors([{**item, **broken}])), broken


def territory(kind, code):
    return Territory.objects.get(kind=kind, insee_code=code)


def test_the_mapping(client):
    public, hospitals = Audience.objects.get(slug="startups-pme"), Audience.objects.get(slug="etablissements-sante")
    parent = ProgrammeFactory(title="France 2030", kind="strategy", territories=[territory("country", "FR")])
    programme = ProgrammeFactory(
        title="Appel régional", kind="ami", summary="Court résumé", description="Longue description.",
        website="https://example.org/appel", parent=parent,
        territories=[territory("region", "53"), territory("department", "35"), territory("continent", "EU")],
    )
    programme.audiences.set([public, hospitals])
    operator = ActorFactory(name="Région Bretagne", siren="235300014")
    ProgrammeActorFactory(programme=programme, actor=operator, role="runs")
    ProgrammeActorFactory(programme=programme, actor=operator, role="funds")
    ProgrammeActorFactory(programme=programme, actor=ActorFactory(name="Brouillon", publication_state="draft"), role="partner")
    ProgrammeFactory(title="Appel caché", publication_state="draft")
    items = {item["titre"]: item for item in json_export(client)}
    assert set(items) == {"France 2030", "Appel régional"}
    item = items["Appel régional"]
    assert item["id"] == str(programme.uid)
    assert item["types_aides"] == "financement" and items["France 2030"]["types_aides"] == "information"
    assert item["promesse"] == "Court résumé" and item["description"] == "Longue description."
    assert item["cibles"] == "professionnels|secteur public"
    assert item["eligibilite"] == "Publics éligibles : Start-ups / PME ; Établissements de santé"
    assert item["porteurs"] == [{"nom": "Région Bretagne", "siren": "235300014", "roles": ["instructeur", "financeur"]}]
    assert item["programmes_parents"] == "France 2030"
    # Europe has no COG code: a European programme listed here is open in France.
    assert item["eligibilite_geographique"] == "PAYS-99100|REG-53|DEP-35"
    assert items["France 2030"]["eligibilite_geographique"] == "PAYS-99100"
    assert item["url_source"] == "https://example.org/appel"
    assert not list(validator().iter_errors(list(items.values())))


def test_dates_are_paris_days_and_the_deadline_day_is_included(client):
    import datetime

    ProgrammeFactory(title="Daté", opens_on=datetime.date(2025, 1, 15), deadline=datetime.date(2025, 7, 1))
    item = json_export(client, "closed=include")[0]
    assert item["date_ouverture"] == "2025-01-15T00:00:00+01:00"
    assert item["date_cloture"] == "2025-07-01T23:59:59+02:00"


def test_long_summaries_open_the_description_and_texts_fit_the_schema(client):
    ProgrammeFactory(title="Long", summary="r" * 200, description="d" * 6000)
    ProgrammeFactory(title="Vide")
    items = {item["titre"]: item for item in json_export(client)}
    assert items["Long"]["promesse"] is None
    assert items["Long"]["description"].startswith("r" * 200) and len(items["Long"]["description"]) == 5000
    assert items["Vide"]["description"] == "Vide"
    assert items["Vide"]["cibles"] == "professionnels|associations|secteur public"
    assert not list(validator().iter_errors(list(items.values())))


def test_a_draft_parent_is_not_named(client):
    ProgrammeFactory(title="Appel", parent=ProgrammeFactory(title="Stratégie secrète", publication_state="draft"))
    assert json_export(client)[0]["programmes_parents"] is None


@pytest.mark.parametrize("path", ["export-dispositifs.json", "export-dispositifs.csv"])
@pytest.mark.parametrize("params", ["region=99", "kind=nope", "sort=x&sort=y"])
def test_bad_parameters_get_a_400(client, path, params):
    response = client.get(f"/programmes/{path}?{params}")
    assert response.status_code == 400
    assert "Filtres invalides" in response.content.decode()


def test_the_listing_links_the_exports_with_its_parameters(client, demo):
    page = client.get("/programmes/?region=53").content.decode()
    assert 'href="/programmes/export-dispositifs.json?region=53"' in page
    assert 'href="/programmes/export-dispositifs.csv?region=53"' in page


def queries_for(client, count):
    for index in range(count):
        programme = ProgrammeFactory(title=f"P{count}-{index}", territories=[territory("region", "53")])
        ProgrammeActorFactory(programme=programme)
        programme.audiences.add(AudienceFactory())
    with CaptureQueriesContext(connection) as queries:
        assert len(json_export(client)) >= count
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_rows(client):
    assert queries_for(client, 1) == queries_for(client, 50)
