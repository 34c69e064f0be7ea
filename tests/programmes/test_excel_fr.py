"""The French spreadsheet export speaks to people, and the import reads it back (issue 24, item 8)."""
import csv
import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from actors.models import Actor
from programmes.excel_fr import HEADER
from programmes.excel_fr_projects import HEADER as PROJECT_HEADER
from programmes.exports import PROGRAMME_COLUMNS, PROJECT_COLUMNS
from programmes.imports import PROGRAMMES, PROJECTS
from programmes.models import Programme, Theme
from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeActorFactory, ProgrammeFactory, staff_user

pytestmark = pytest.mark.django_db

# The standard CSV's columns as the import documents them: they must not move.
STANDARD_COLUMNS = [
    "slug", "title", "kind", "kind_label", "status", "status_label", "opens_on", "deadline", "recurrence",
    "total_budget_eur", "amount_min_eur", "amount_max_eur", "territories", "territory_codes", "actors", "actor_roles",
    "themes", "theme_slugs", "audiences", "audience_slugs", "summary", "description", "website",
    "contact_name", "contact_email", "source", "last_verified_on", "page_url", "parent",
]
STANDARD_PROJECT_COLUMNS = [
    "slug", "title", "programme_slug", "programme_title", "beneficiary_slug", "beneficiary_name", "beneficiary_kind",
    "partners", "year", "awarded_on", "amount_eur", "territory", "territory_code", "description", "website", "source",
]
CODES = {*Programme.Kind.values, "one_off", "recurring", "annual", "closed", "open", "upcoming"}


def download(client, url):
    body = b"".join(client.get(url).streaming_content)
    text = body.decode("utf-8-sig")
    return body, list(csv.reader(io.StringIO(text), delimiter=";" if "excel-fr" in url else ","))


@pytest.fixture
def reunion(tree):
    operator = ActorFactory(slug="operateur", name="Opérateur Santé")
    funder = ActorFactory(slug="financeur", name="Financeur")
    theme, _created = Theme.objects.get_or_create(slug="innovation", defaults={"name": "Innovation"})
    programme = ProgrammeFactory(slug="outre-mer", title="Outre-mer", kind="competition", recurrence="annual", total_budget="1234.50")
    programme.territories.set([tree["reunion"], tree["d974"], tree["bretagne"]])
    programme.themes.add(theme)
    ProgrammeActorFactory(programme=programme, actor=operator, role="runs")
    ProgrammeActorFactory(programme=programme, actor=funder, role="funds")
    ProgrammeFactory(slug="enfant", title="Enfant", parent=programme)
    return programme


def test_excel_fr_has_french_headers_labels_and_names(client, reunion):
    _body, rows = download(client, "/programmes/export.csv?dialect=excel-fr&sort=title")
    assert rows[0] == HEADER
    assert not [column for column in rows[0] if re.fullmatch(r"[a-z_]+", column)]
    record = dict(zip(rows[0], rows[2]))
    assert (record["Identifiant"], record["Type"], record["Récurrence"]) == ("outre-mer", "Concours", "Annuel")
    assert record["Budget total (€)"] == "1234,5"
    assert record["Territoires"] == "Bretagne | La Réunion (Région) | La Réunion (Département)"
    assert (record["Porteurs"], record["Financeurs"], record["Partenaires"]) == ("Opérateur Santé", "Financeur", "")
    assert record["Thématiques"] == "Innovation"
    assert record["Fiche dans l'annuaire"].endswith("/programmes/outre-mer/")
    assert dict(zip(rows[0], rows[1]))["Programme parent (identifiant)"] == "outre-mer"
    cells = {cell for row in rows[1:] for cell in row}
    assert not cells & CODES and not [cell for cell in cells if re.search(r"\b(region|department|runs|funds):", cell)]


def test_excel_fr_stays_french_on_english_pages(client, reunion):
    _body, rows = download(client, "/en/programmes/export.csv?dialect=excel-fr&sort=title")
    assert rows[0] == HEADER and dict(zip(rows[0], rows[2]))["Type"] == "Concours"


def test_the_standard_csv_keeps_its_columns(client, reunion):
    assert PROGRAMME_COLUMNS == STANDARD_COLUMNS
    _body, rows = download(client, "/programmes/export.csv")
    assert rows[0] == STANDARD_COLUMNS
    assert dict(zip(rows[0], rows[1]))["kind"] in Programme.Kind.values


def test_an_excel_fr_export_imports_back_unchanged(client, reunion):
    body, _rows = download(client, "/programmes/export.csv?dialect=excel-fr")
    plan = PROGRAMMES.plan(body)
    assert plan.ok, [str(p) for p in plan.problems]
    assert (plan.created, plan.updated, plan.unchanged) == (0, 0, 2)
    client.force_login(staff_user(is_superuser=True))
    response = client.post("/admin/programmes/programme/import/", {"action": "preview", "file": SimpleUploadedFile("p.csv", body)})
    html = response.content.decode()
    assert "Aperçu : 0 fiche(s) à créer, 0 à mettre à jour, 2 inchangée(s)." in html and "<td>inchangée</td>" in html


def test_an_edited_excel_fr_file_maps_labels_and_names_back(client, reunion):
    _body, rows = download(client, "/programmes/export.csv?dialect=excel-fr&sort=title")
    at = {column: index for index, column in enumerate(rows[0])}
    row = rows[2]
    row[at["Type"]], row[at["Territoires"]] = "Appel à projets", "La Réunion (Région)"
    row[at["Porteurs"]], row[at["Financeurs"]], row[at["Partenaires"]] = "", "Opérateur Santé", "Financeur"
    row[at["Budget total (€)"]] = "2000,75"
    plan = PROGRAMMES.plan(to_csv([rows[0], row]))
    assert plan.ok, [str(p) for p in plan.problems]
    (read,) = plan.rows
    assert read.values["kind"] == "funding_call" and str(read.values["total_budget"]) == "2000.75"
    assert [territory.code for territory in read.relations["territories"]] == ["region:04"]
    assert sorted(role for role, _slug, _new in read.relations["roles"]) == ["funds", "partner"]
    assert {slug for _role, slug, _new in read.relations["roles"]} == {"operateur", "financeur"}


def test_problems_of_an_excel_fr_file_name_its_own_columns(client, reunion):
    _body, rows = download(client, "/programmes/export.csv?dialect=excel-fr")
    rows[1][rows[0].index("Type")] = "Inconnu"
    plan = PROGRAMMES.plan(to_csv(rows))
    assert [(p.line, p.column) for p in plan.problems] == [(2, "Type")]


def to_csv(rows):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return ("\ufeff" + buffer.getvalue()).encode()


@pytest.fixture
def project(reunion, tree):
    beneficiary = ActorFactory(slug="chu-reunion", name="CHU de La Réunion", kind="hospital")
    funded = FundedProjectFactory(
        slug="teleconsultation", title="Téléconsultation", programme=reunion, beneficiary=beneficiary,
        year=2024, awarded_on=datetime.date(2024, 3, 15), amount="15000.50", territory=tree["d974"],
    )
    funded.partners.set([ActorFactory(slug="asso", name="Association Santé", kind="association")])
    return funded


def test_project_excel_fr_has_french_headers_and_labels(client, project):
    _body, rows = download(client, "/projets/export.csv?dialect=excel-fr")
    assert rows[0] == PROJECT_HEADER
    assert not [column for column in rows[0] if re.fullmatch(r"[a-z_]+", column)]
    record = dict(zip(rows[0], rows[1]))
    assert (record["Identifiant"], record["Titre"], record["Programme"]) == ("teleconsultation", "Téléconsultation", "Outre-mer")
    assert (record["Bénéficiaire"], record["Type de bénéficiaire"]) == ("CHU de La Réunion", Actor.Kind.HOSPITAL.label)
    assert (record["Partenaires"], record["Année"], record["Date d'attribution"]) == ("Association Santé", "2024", "2024-03-15")
    assert (record["Montant attribué (€)"], record["Territoire"]) == ("15000,5", "La Réunion (Département)")
    assert (record["Programme (identifiant)"], record["Bénéficiaire (identifiant)"]) == ("outre-mer", "chu-reunion")
    assert not {"hospital", "department:974"} & set(rows[1])


def test_the_standard_project_csv_keeps_its_columns(client, project):
    assert PROJECT_COLUMNS == STANDARD_PROJECT_COLUMNS
    _body, rows = download(client, "/projets/export.csv")
    assert rows[0] == STANDARD_PROJECT_COLUMNS
    record = dict(zip(rows[0], rows[1]))
    assert (record["beneficiary_kind"], record["territory_code"], record["amount_eur"]) == ("hospital", "department:974", "15000.5")


def test_an_excel_fr_project_export_imports_back_unchanged(client, project):
    body, _rows = download(client, "/projets/export.csv?dialect=excel-fr")
    plan = PROJECTS.plan(body)
    assert plan.ok, [str(p) for p in plan.problems]
    assert (plan.created, plan.updated, plan.unchanged) == (0, 0, 1)


def test_an_edited_excel_fr_project_file_maps_back_and_names_its_columns(client, project):
    _body, rows = download(client, "/projets/export.csv?dialect=excel-fr")
    at = {column: index for index, column in enumerate(rows[0])}
    edited = list(rows[1])
    edited[at["Territoire"]], edited[at["Montant attribué (€)"]] = "La Réunion (Région)", "2000,75"
    (read,) = PROJECTS.plan(to_csv([rows[0], edited])).rows
    assert read.values["territory"].code == "region:04" and str(read.values["amount"]) == "2000.75"
    rows[1][at["Bénéficiaire (identifiant)"]] = "inconnu"
    assert [(p.line, p.column) for p in PROJECTS.plan(to_csv(rows)).problems] == [(2, "Bénéficiaire (identifiant)")]
