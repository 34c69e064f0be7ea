"""/statistiques/: grouped counts of published entries, SVG charts, tables and CSV files."""
import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from insights.queries import by_department, by_kind, by_region, by_status, by_theme, funding_by_region, funding_by_year
from programmes.filters import filter_programmes
from tests.factories import FundedProjectFactory, ProgrammeFactory, TerritoryFactory, ThemeFactory

FUTURE = dt.date.today() + dt.timedelta(days=30)


def rows(table):
    return {row[0]: row[2:] for row in table.rows}


@pytest.fixture
def figures(tree):
    theme = ThemeFactory(name="Numérique")
    call = ProgrammeFactory(kind="funding_call", territories=[tree["rennes"]], deadline=FUTURE, themes=[theme])
    ProgrammeFactory(kind="ami", territories=[tree["fr"]], recurrence="permanent", themes=[theme])
    ProgrammeFactory(kind="ami", territories=[tree["lyon"]], deadline=dt.date(2020, 1, 1))
    ProgrammeFactory(kind="ami", territories=[tree["d35"]], publication_state="draft", themes=[theme])
    FundedProjectFactory(programme=call, year=2023, amount=Decimal("1000"), territory=tree["rennes"])
    FundedProjectFactory(programme=call, year=2023, amount=Decimal("500"), territory=tree["d69"])
    FundedProjectFactory(programme=call, year=2024, amount=Decimal("250"), territory=tree["fr"])
    FundedProjectFactory(programme=call, year=None, amount=None, territory=None)
    FundedProjectFactory(programme=call, year=2024, amount=Decimal("9999"), publication_state="draft")
    return theme


def test_programmes_by_kind_status_theme_and_region_count_published_entries_only(figures):
    assert rows(by_kind())["ami"] == (2,) and rows(by_kind())["funding_call"] == (1,) and rows(by_kind())["event"] == (0,)
    assert {k: v for k, v in rows(by_status()).items() if v[0]} == {"open": (1,), "permanent": (1,), "closed": (1,)}
    assert rows(by_theme())[figures.slug] == (2,)
    regions = rows(by_region())
    assert regions["53"] == (1,) and regions["84"] == (1,) and regions["04"] == (0,) and regions["FR"] == (1,)


def test_programmes_by_department_agree_with_the_listing_in_one_query(figures, tree):
    commune = TerritoryFactory(kind="commune", insee_code="35238", name="Rennes", parents=[tree["rennes"]])
    ProgrammeFactory(territories=[commune, tree["d35"]])  # twice inside 35: counted once
    ProgrammeFactory(territories=[tree["rennes"], tree["lyon"]], deadline=dt.date(2020, 1, 1))  # closed, in both
    ProgrammeFactory(territories=[tree["bretagne"], tree["d35"]])  # its region's too (scope=local), once
    with CaptureQueriesContext(connection) as few:
        departments = rows(by_department())
    assert departments == {"35": (4,), "69": (2,), "974": (0,)}  # neither France's nor the draft
    for code, (count,) in departments.items():
        listing = filter_programmes(QueryDict(f"department={code}&scope=local&closed=include"))
        assert listing.is_valid() and listing.count() == count
    ProgrammeFactory.create_batch(3, territories=[tree["d974"]])
    with CaptureQueriesContext(connection) as more:
        assert rows(by_department())["974"] == (3,)
    assert len(more) == len(few) <= 3


def test_funded_amounts_by_year_and_region(figures):
    assert [row[1:] for row in funding_by_year().rows] == [
        ("2023", 2, Decimal("1500")), ("2024", 1, Decimal("250")), ("Année non renseignée", 1, 0)]
    regions = {row[1]: row[2:] for row in funding_by_region().rows}
    assert regions["Bretagne"] == (1, Decimal("1000")) and regions["Auvergne-Rhône-Alpes"] == (1, Decimal("500"))
    assert regions["Hors région (national, européen ou non renseigné)"] == (2, Decimal("250"))


def test_unknown_amounts_are_said_not_written_as_zero(client, figures, tree):
    # 2025: three projects, one amount known; the year unknown: one project, no amount (issue 24, item 7).
    call = figures.programmes.get(kind="funding_call")
    FundedProjectFactory(programme=call, year=2025, amount=Decimal("800"), territory=tree["rennes"])
    FundedProjectFactory.create_batch(2, programme=call, year=2025, amount=None, territory=tree["rennes"])
    html = client.get("/statistiques/").content.decode()
    unknown_year = '<th scope="row">Année non renseignée</th><td class="number">1</td><td class="number">non communiqué (1 projet)</td>'
    assert unknown_year in html and '<th scope="row">Année non renseignée</th><td class="number">1</td><td class="number">0 €' not in html
    assert ">non communiqué (1 projet)</text>" in html  # the bar's value too
    assert '<td class="number">3</td><td class="number">800 € + non communiqué (2 projets)</td>' in html
    assert "1\xa0800 € + non communiqué (2 projets)" in html  # Bretagne: 1 000 + 800, two unknown
    assert ">not given (1 project)<" in client.get("/en/statistiques/").content.decode()


def test_the_page_draws_each_chart_with_its_table_and_csv_links(client, figures):
    html = client.get("/statistiques/").content.decode()
    # Every table has its chart but the departments' (a table alone); and the regions map's table.
    assert html.count('<svg class="bar-chart"') == 6 and html.count("<table>") == 8
    assert 'id="carte"' in html
    assert 'aria-labelledby="stats-types-title"' in html
    assert '<text class="bar-value" x="458"' in html  # the longest bar, then its value
    assert "1\xa0500 €" in html  # French grouping, no-break space
    assert 'aria-labelledby="stats-departements-title"' in html and "<caption>Programmes propres à chaque département</caption>" in html
    for slug in ("types", "thematiques", "statuts", "regions", "departements", "financements-annees", "financements-regions"):
        assert f'href="/statistiques/{slug}.csv"' in html and f'href="/statistiques/{slug}.csv?dialect=excel-fr"' in html


def test_csv_files_stream_in_both_dialects(client, figures):
    response = client.get("/statistiques/financements-annees.csv")
    assert response.streaming and response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode()
    assert text.splitlines()[:2] == ["Année,Libellé,Projets,Montant (€),Projets sans montant communiqué", "2023,2023,2,1500,0"]
    assert text.splitlines()[3] == ",Année non renseignée,1,,1"  # no amount known: no sum, not 0
    excel = b"".join(client.get("/statistiques/financements-annees.csv?dialect=excel-fr").streaming_content).decode("utf-8")
    assert excel.startswith("\ufeffAnnée;Libellé;Projets;Montant (€);Projets sans montant communiqué")
    assert client.get("/statistiques/types.csv")["Content-Disposition"] == 'attachment; filename="statistiques-types.csv"'


@pytest.mark.parametrize("url, status", [("/statistiques/inconnu.csv", 404), ("/statistiques/types.csv?dialect=lotus", 400),
                                         ("/statistiques/types.csv?dialect=excel-fr&dialect=excel-fr", 400)])
def test_bad_addresses_get_a_4xx(client, db, url, status):
    assert client.get(url).status_code == status


def _queries(client):
    with CaptureQueriesContext(connection) as context:
        assert client.get("/statistiques/").status_code == 200
    return len(context.captured_queries)


def test_the_query_count_does_not_grow_with_the_rows(client, tree):
    call = ProgrammeFactory(territories=[tree["rennes"]], themes=[ThemeFactory()])
    FundedProjectFactory(programme=call, amount=Decimal("1"), territory=tree["rennes"])
    one = _queries(client)
    for i in range(49):
        programme = ProgrammeFactory(territories=[tree[("rennes", "lyon", "fr")[i % 3]]], themes=[ThemeFactory()], kind="ami")
        FundedProjectFactory(programme=programme, amount=Decimal(i), year=2000 + i % 20, territory=tree["d69"])
    assert _queries(client) == one


def test_the_english_page_is_under_en(client, figures):
    response = client.get("/en/statistiques/")
    assert response.status_code == 200 and '<html lang="en">' in response.content.decode()
