"""The organisations' French spreadsheet export speaks to people, and the import reads it back (issue 24, item 8)."""
import csv
import io
import re

import pytest

from actors.excel_fr import HEADER
from actors.exports import ACTOR_COLUMNS
from actors.imports import ACTORS
from tests.factories import ActorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors(tree):
    ActorFactory(slug="region-reunion", name="Région Réunion", kind="region", seat=tree["reunion"])
    ActorFactory(slug="chu-rennes", name="CHU de Rennes", kind="hospital", seat=tree["rennes"], siren="263500076")


def download(client, url):
    body = b"".join(client.get(url).streaming_content)
    return body, list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";" if "excel-fr" in url else ","))


def test_excel_fr_has_french_headers_labels_and_names(client, actors):
    _body, rows = download(client, "/acteurs/export.csv?dialect=excel-fr")
    assert rows[0] == HEADER and not [column for column in rows[0] if re.fullmatch(r"[a-z_]+", column)]
    records = {row[0]: dict(zip(rows[0], row)) for row in rows[1:]}
    assert (records["region-reunion"]["Type"], records["region-reunion"]["Siège"]) == ("Région", "La Réunion (Région)")
    assert (records["chu-rennes"]["Siège"], records["chu-rennes"]["SIREN"]) == ("Rennes Métropole", "263500076")
    _body, standard = download(client, "/acteurs/export.csv")
    assert standard[0] == ACTOR_COLUMNS == [
        "slug", "name", "acronym", "kind", "kind_label", "seat", "seat_code", "siren", "website", "description", "source", "page_url"]


def test_an_excel_fr_export_imports_back_unchanged(client, actors):
    body, rows = download(client, "/acteurs/export.csv?dialect=excel-fr")
    plan = ACTORS.plan(body)
    assert plan.ok, [str(p) for p in plan.problems]
    assert (plan.created, plan.updated, plan.unchanged) == (0, 0, 2)
    rows[1][rows[0].index("Type")] = "Inconnu"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    assert [(p.line, p.column) for p in ACTORS.plan(buffer.getvalue().encode()).problems] == [(2, "Type")]
