"""The CSV export is exactly the listing: same rows, same order, all pages."""
import csv
import io
from decimal import Decimal

import pytest
from django.http import QueryDict

from core.csvfile import DANGEROUS_PREFIXES, Dialect, encode_rows, format_cell
from programmes import excel_fr
from programmes.exports import PROGRAMME_COLUMNS
from programmes.filters import filter_programmes
from tests.shared_data import copy_of

pytestmark = pytest.mark.django_db


def read_csv(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    delimiter = ";" if body.startswith("\ufeff") else ","
    return list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=delimiter))


@pytest.fixture
def demo(shared_demo, db):
    """The demo data, loaded once for this module (tests/shared_data.py)."""
    return copy_of(shared_demo)


@pytest.mark.parametrize(
    "params",
    ["", "region=84", "region=53&scope=local", "q=sante", "kind=ami&kind=funding_call", "status=closed&sort=title",
     "theme=e-sante&sort=recent", "department=76", "q=relocalisation&region=84"],
)
def test_export_has_the_listing_rows_in_order(client, demo, params):
    expected = [p.slug for p in filter_programmes(QueryDict(params)).qs]
    listing = []
    page = 1
    while True:
        response = client.get(f"/programmes/?{params}&page={page}")
        assert response.status_code == 200
        listing += [p.slug for p in response.context["object_list"]]
        if not response.context["page_obj"].has_next():
            break
        page += 1
    rows = read_csv(client.get(f"/programmes/export.csv?{params}"))
    assert rows[0] == PROGRAMME_COLUMNS
    assert [row[0] for row in rows[1:]] == listing == expected


def test_export_spans_every_page(client, demo, settings):
    from programmes.models import Programme

    rows = read_csv(client.get("/programmes/export.csv?closed=include"))
    assert len(rows) - 1 == Programme.objects.published().count() > 0


def test_excel_variant_has_bom_and_semicolons(client, demo):
    response = client.get("/programmes/export.csv?dialect=excel-fr&region=84")
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    assert response["Content-Type"].startswith("text/csv")
    header = body.decode("utf-8").lstrip("\ufeff").splitlines()[0]
    assert header.split(";") == excel_fr.HEADER  # French headers: tests/programmes/test_excel_fr.py


def test_export_columns_carry_the_facts(client, demo):
    rows = read_csv(client.get("/programmes/export.csv?q=strategie acceleration sante numerique"))
    record = dict(zip(rows[0], rows[1]))
    assert record["total_budget_eur"] == "670000000"
    assert record["opens_on"] == "2021-10-18"
    assert record["territory_codes"] == "country:FR"
    assert record["page_url"].endswith("/programmes/strategie-acceleration-sante-numerique/")


def test_bad_filters_are_refused_with_400(client, demo):
    response = client.get("/programmes/export.csv?region=99")
    assert response.status_code == 400
    assert "La région « 99 » n'existe pas" in response.content.decode()
    assert client.get("/programmes/export.csv?dialect=xlsx").status_code == 400


@pytest.mark.parametrize("prefix", DANGEROUS_PREFIXES)
def test_every_dangerous_leading_character_is_neutralised(prefix):
    cell = format_cell(f"{prefix}HYPERLINK(\"http://x\")", Dialect.STANDARD)
    assert cell.startswith("'")


def test_numbers_and_dates_stay_typed():
    import datetime

    assert format_cell(Decimal("-12.50"), Dialect.STANDARD) == "-12.5"
    assert format_cell(Decimal("1234.50"), Dialect.EXCEL_FR) == "1234,5"
    assert format_cell(datetime.date(2024, 1, 2), Dialect.STANDARD) == "2024-01-02"
    assert format_cell("Texte normal", Dialect.STANDARD) == "Texte normal"


def test_dangerous_programme_title_is_neutralised_in_the_export(client, db):
    from tests.factories import ProgrammeFactory

    ProgrammeFactory(title="=cmd|' /C calc'!A0", slug="danger")
    rows = read_csv(client.get("/programmes/export.csv"))
    assert rows[1][1] == "'=cmd|' /C calc'!A0"


def test_encode_rows_is_rfc4180():
    lines = b"".join(encode_rows([["a", "b"], ['x "y"', "1,2"]])).decode()
    assert lines == 'a,b\r\n"x ""y""","1,2"\r\n'


def test_actor_and_project_exports(client, demo):
    actors = read_csv(client.get("/acteurs/export.csv?region=28"))
    assert {"CHU Rouen Normandie", "Centre Henri Becquerel"} <= {row[1] for row in actors[1:]}
    projects = read_csv(client.get("/projets/export.csv?year=2024"))
    assert len(projects) - 1 == 3
