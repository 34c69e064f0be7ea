"""Programme import: the preview catches everything the write would refuse (issue 10 item 7),
and the friction of loading real data (issue 12): territory code forms, unknown organisations."""
import csv
import io
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from actors.models import Actor
from core.csvfile import BOM
from editorial.models import PublicationState
from editorial.roles import EDITORS, REVIEWERS
from programmes.exports import PROGRAMME_COLUMNS
from programmes.imports import PROGRAMMES, PROGRAMMES_CREATING_ACTORS
from programmes.models import Programme, Theme
from programmes.status import Recurrence
from territories.codes import ACCEPTED_FORMS
from tests.factories import ActorFactory, ProgrammeFactory, ThemeFactory, staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("geography")]
BASE_DIR = Path(__file__).resolve().parents[2]
DATA_FORMATS = BASE_DIR / "docs" / "data-formats.md"


def row(slug, **values):
    return {"slug": slug, "title": slug.title(), "kind": "funding_call", "territory_codes": "region:53",
            "actor_roles": "runs:operateur", **values}


def csv_of(*rows, columns=PROGRAMME_COLUMNS, delimiter=",", bom=False):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    for values in rows:
        writer.writerow({column: values.get(column, "") for column in columns})
    return ((BOM if bom else "") + buffer.getvalue()).encode("utf-8")


@pytest.fixture
def operator(db):
    return ActorFactory(slug="operateur", name="Opérateur")


def problems(plan):
    return [(p.line, p.column, p.message) for p in plan.problems]


def run_command(tmp_path, data, *args):
    path = tmp_path / "p.csv"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_programmes", str(path), *args, stdout=out, stderr=err)
    return out.getvalue()


# --- what the write would refuse is refused by the preview -------------------------------------

def test_a_nul_character_is_refused_with_its_line_and_column(tmp_path, operator):
    data = csv_of(row("ok"), row("nul", summary="avant\x00après"))
    plan = PROGRAMMES.plan(data)
    assert [(line, column) for line, column, _m in problems(plan)] == [(3, "summary")]
    assert "NUL" in plan.problems[0].message
    with pytest.raises(CommandError):  # a clear refusal, not a database traceback
        run_command(tmp_path, data)
    assert not Programme.objects.exists()


def test_a_repeated_column_is_refused():
    header = ",".join([*PROGRAMME_COLUMNS, "title"]).encode()
    plan = PROGRAMMES.plan(header + b"\r\n")
    assert len(plan.problems) == 1 and "colonnes en double : title" in plan.problems[0].message


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_a_bom_file_is_read_with_the_separator_of_its_header(operator, delimiter):
    amount = "1500.5" if delimiter == "," else "1500,5"
    plan = PROGRAMMES.plan(csv_of(row("bom", total_budget_eur=amount), delimiter=delimiter, bom=True))
    assert plan.ok, problems(plan)
    assert str(plan.rows[0].values["total_budget"]) == "1500.5"


def test_a_new_theme_named_like_an_existing_one_is_refused_by_the_preview(tmp_path, operator):
    ThemeFactory(slug="theme-existant", name="Thème existant")
    data = csv_of(row("a", theme_slugs="nouveau-theme", themes="thème EXISTANT"))
    plan = PROGRAMMES.plan(data)
    assert [(line, column) for line, column, _m in problems(plan)] == [(2, "theme_slugs")]
    assert "theme-existant" in plan.problems[0].message
    with pytest.raises(CommandError):
        run_command(tmp_path, data)
    assert not Theme.objects.filter(slug="nouveau-theme").exists()


def test_two_new_themes_of_one_file_cannot_share_a_name(operator):
    plan = PROGRAMMES.plan(csv_of(row("a", theme_slugs="t-un", themes="Nouveau"), row("b", theme_slugs="t-deux", themes="Nouveau")))
    assert [(line, column) for line, column, _m in problems(plan)] == [(3, "theme_slugs")]


def test_a_new_theme_with_a_bad_or_long_slug_or_name_is_refused(operator):
    plan = PROGRAMMES.plan(csv_of(row("a", theme_slugs="pas un slug", themes="X"), row("b", theme_slugs="ok", themes="n" * 121),
                                  row("c", title="t" * 301)))
    assert [(line, column) for line, column, _m in problems(plan)] == [(2, "theme_slugs"), (3, "theme_slugs"), (4, "title")]


def test_a_new_theme_is_created_once_from_many_rows(operator):
    plan = PROGRAMMES.plan(csv_of(row("a", theme_slugs="nouveau", themes="Nouveau"), row("b", theme_slugs="nouveau", themes="Nouveau")))
    assert plan.ok, problems(plan)
    PROGRAMMES.apply(plan, publish=True)
    assert Theme.objects.get(slug="nouveau").programmes.count() == 2


@pytest.mark.parametrize("amount", ["NaN", "sNaN", "Infinity", "-inf", "1e20"])
def test_amounts_no_column_can_store_are_refused_by_the_preview(operator, amount):
    plan = PROGRAMMES.plan(csv_of(row("a", total_budget_eur=amount)))
    assert [(line, column) for line, column, _m in problems(plan)] == [(2, "total_budget_eur")]


# --- territory codes ---------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "expected"), [
    ("region:53", "region:53"), ("REG-53", "region:53"), ("reg-53", "region:53"), ("department:35", "department:35"),
    ("DEP-35", "department:35"), ("DEP-2A", "department:2A"), ("dep-2b", "department:2B"), ("DEP-971", "department:971"),
    ("REG-94", "region:94"), ("REG-01", "region:01"), ("FR", "country:FR"), ("country:FR", "country:FR"), ("EU", "continent:EU"),
    ("continent:EU", "continent:EU"), ("epci:243500139", "epci:243500139"), ("EPCI-243500139", "epci:243500139"),
])
def test_every_documented_territory_form_is_imported(operator, code, expected):
    plan = PROGRAMMES.plan(csv_of(row("a", territory_codes=code)))
    assert plan.ok, problems(plan)
    assert [t.code for t in plan.rows[0].relations["territories"]] == [expected]


def test_a_multi_territory_cell_mixes_forms(operator):
    plan = PROGRAMMES.plan(csv_of(row("a", territory_codes="REG-53 | DEP-05 | region:84")))
    assert plan.ok and {t.code for t in plan.rows[0].relations["territories"]} == {"region:53", "department:05", "region:84"}


@pytest.mark.parametrize("code", ["Europe", "REG-99", "DEP-", "region:", "commune:35238", "53"])
def test_an_unknown_territory_code_lists_the_accepted_forms(operator, code):
    plan = PROGRAMMES.plan(csv_of(row("a", territory_codes=code)))
    [(line, column, message)] = problems(plan)
    assert (line, column) == (2, "territory_codes")
    assert "REG-53" in message and "continent:EU" in message and "EPCI-243500139" in message


def test_the_annual_recurrence_is_imported(operator):
    plan = PROGRAMMES.plan(csv_of(row("a", recurrence="annual")))
    assert plan.ok, problems(plan)
    PROGRAMMES.apply(plan, publish=True)
    assert Programme.objects.get(slug="a").recurrence == Recurrence.ANNUAL


def test_the_data_formats_doc_lists_every_accepted_value():
    text = DATA_FORMATS.read_text(encoding="utf-8")
    section = text[text.index("## Import columns"):]
    section = section[:section.index("\n## ", 4)]
    listed = set(re.findall(r"`([^`]+)`", section))
    assert set(Programme.Kind.values) <= listed
    assert set(Recurrence.values) <= listed
    assert set(Actor.Kind.values) <= listed
    assert set(ACCEPTED_FORMS) <= listed
    assert set(PROGRAMME_COLUMNS) | {"actor_kinds"} <= listed
    for name in ("themes", "audiences"):  # the default lists
        with (BASE_DIR / "programmes" / "data" / f"{name}.csv").open(encoding="utf-8") as defaults:
            assert {line["slug"] for line in csv.DictReader(defaults)} <= listed


# --- organisations the file names -------------------------------------------------------------

@pytest.fixture
def agency(db):
    return ActorFactory(slug="anr", name="Agence nationale de la recherche", acronym="ANR", siren="180089013", kind=Actor.Kind.AGENCY)


@pytest.mark.parametrize("ref", ["anr", "ANR", "anr ", "agence nationale de la RECHERCHE", "Agence nationale de la recherché", "180089013", "180 089 013"])
def test_organisations_are_matched_by_slug_name_acronym_or_siren(operator, agency, ref):
    plan = PROGRAMMES.plan(csv_of(row("a", actor_roles=f"runs:operateur | funds:{ref}")))
    assert plan.ok, problems(plan)
    assert {slug for _role, slug, _new in plan.rows[0].relations["roles"]} == {"operateur", "anr"}


def test_an_organisation_matched_by_its_name_column(operator, agency):
    plan = PROGRAMMES.plan(csv_of(row("a", actor_roles="runs:operateur | funds:inconnu", actors="Opérateur (Porte) | ANR (Finance)")))
    assert plan.ok, problems(plan)


def test_an_unknown_organisation_is_refused_unless_asked_for(tmp_path, operator):
    data = csv_of(row("a", actor_roles="runs:operateur | funds:Fondation Nouvelle"))
    plan = PROGRAMMES.plan(data)
    [(line, column, message)] = problems(plan)
    assert (line, column) == (2, "actor_roles") and "--create-actors" in message
    with pytest.raises(CommandError):
        run_command(tmp_path, data)
    assert not Actor.objects.filter(name="Fondation Nouvelle").exists()


def test_create_actors_creates_them_published_with_their_kind(tmp_path, operator):
    data = csv_of(
        row("a", actor_roles="runs:operateur | funds:Fondation Nouvelle | partner:CHU Exemple", actor_kinds=" | association | Établissement de santé (CHU, CH, centre de lutte contre le cancer)"),
        row("b", actor_roles="runs:operateur | partner:Labo X"), columns=[*PROGRAMME_COLUMNS, "actor_kinds"])
    out = run_command(tmp_path, data, "--create-actors")
    assert "sera créé" in out
    created = {a.slug: (a.name, a.kind, a.publication_state) for a in Actor.objects.exclude(slug="operateur")}
    assert created == {
        "fondation-nouvelle": ("Fondation Nouvelle", "association", PublicationState.PUBLISHED),
        "chu-exemple": ("CHU Exemple", "hospital", PublicationState.PUBLISHED),
        "labo-x": ("Labo X", "other", PublicationState.PUBLISHED),
    }
    assert Actor.objects.get(slug="labo-x").published_at is not None
    assert set(Programme.objects.get(slug="a").actors.values_list("slug", flat=True)) == {"operateur", "fondation-nouvelle", "chu-exemple"}
    assert Actor.objects.search("fondation").exists()


def test_an_unknown_kind_for_a_new_organisation_is_refused(operator):
    data = csv_of(row("a", actor_roles="runs:operateur | funds:Nouvelle", actor_kinds=" | martien"), columns=[*PROGRAMME_COLUMNS, "actor_kinds"])
    plan = PROGRAMMES_CREATING_ACTORS.plan(data)
    assert [(line, column) for line, column, _m in problems(plan)] == [(2, "actor_kinds")]


def test_editors_never_reach_another_organisations_draft(operator):
    ActorFactory(slug="brouillon-secret", name="Brouillon secret", acronym="BS", publication_state=PublicationState.DRAFT)
    editor = staff_user(EDITORS, organisations=[operator])
    for ref in ("brouillon-secret", "Brouillon secret", "BS"):
        plan = PROGRAMMES.plan(csv_of(row("a", actor_roles=f"runs:operateur | funds:{ref}")), user=editor)
        [(_line, column, message)] = problems(plan)
        assert column == "actor_roles" and "organisation inconnue" in message and "brouillon-secret" not in message.replace(ref, "")
    # The same answer as for an organisation that does not exist at all, and never a creation.
    assert not PROGRAMMES_CREATING_ACTORS.allows(editor)
    plan = PROGRAMMES_CREATING_ACTORS.plan(csv_of(row("a", actor_roles="runs:operateur | funds:Brouillon secret")), user=editor)
    assert not plan.ok and not plan.notices


def test_editors_may_name_their_own_draft_organisation(operator):
    own_draft = ActorFactory(slug="mon-brouillon", name="Mon brouillon", publication_state=PublicationState.DRAFT)
    editor = staff_user(EDITORS, organisations=[operator, own_draft])
    plan = PROGRAMMES.plan(csv_of(row("a", actor_roles="runs:operateur | funds:Mon Brouillon")), user=editor)
    assert plan.ok, problems(plan)


def test_the_admin_preview_offers_to_create_organisations(client, operator):
    reviewer = staff_user(REVIEWERS)
    client.force_login(reviewer)
    url = reverse("admin:programmes_programme_import")
    data = csv_of(row("a", actor_roles="runs:operateur | funds:Fondation Nouvelle"))
    refused = client.post(url, {"action": "preview", "file": SimpleUploadedFile("p.csv", data)})
    assert refused.status_code == 400 and "Créer les organisations inconnues" in refused.content.decode()
    preview = client.post(url, {"action": "preview", "create_actors": "on", "file": SimpleUploadedFile("p.csv", data)})
    assert preview.status_code == 200 and "sera créé" in preview.content.decode()
    confirm = client.post(url, {"action": "confirm", "token": preview.context["token"], "publish": "on"})
    assert confirm.status_code == 303
    assert client.get(confirm["Location"]).status_code == 200
    assert Actor.objects.get(slug="fondation-nouvelle").publication_state == PublicationState.PUBLISHED


def test_editors_are_not_offered_the_creation(client, operator):
    client.force_login(staff_user(EDITORS, organisations=[operator]))
    page = client.get(reverse("admin:programmes_programme_import"))
    assert "create_actors" not in page.content.decode()


# --- the formula guard survives a round trip (issue 10 item 8) ----------------------------------

TRICKY = ["'=x", "=1+1", "''=x", "'x", "-5 %", "@cmd", "\uff1dSUM(A1)", "+33 1 23", "'", "'\u00a0-x", "a=b"]


@pytest.mark.parametrize("dialect", ["", "excel-fr"])
def test_export_then_import_gives_back_formula_like_texts(client, operator, dialect):
    from tests.factories import ProgrammeActorFactory, ProgrammeFactory

    for n, text in enumerate(TRICKY):
        programme = ProgrammeFactory(slug=f"p{n}", title=f"T{n} {text}", summary=text, description=f"\u00a0{text}", contact_name=text)
        ProgrammeActorFactory(programme=programme, actor=operator)
    response = client.get("/programmes/export.csv" + (f"?dialect={dialect}" if dialect else ""))
    data = b"".join(response.streaming_content)
    assert b"''=x" in data and b"'=1+1" in data
    plan = PROGRAMMES.plan(data)
    assert plan.ok, problems(plan)
    read = {row.slug: row.values for row in plan.rows}
    for n, text in enumerate(TRICKY):
        values = read[f"p{n}"]
        # summary and contact_name are stripped by the import, as typed in a form.
        assert (values["summary"], values["description"], values["contact_name"]) == (text.strip(), f"\u00a0{text}", text.strip())


def test_real_world_style_file_imports_from_the_documented_codes(tmp_path, operator):
    """National, European, multi-region, department-level and overseas entries, operators new and known."""
    ActorFactory(slug="bpifrance", name="Bpifrance", siren="320252489")
    data = csv_of(
        row("phrc-n", title="PHRC-N", territory_codes="FR", actor_roles="runs:Ministère de la Santé", actor_kinds="state", recurrence="annual"),
        row("i-lab", title="i-Lab", territory_codes="country:FR", actor_roles="runs:BPIFRANCE"),
        row("horizon-europe", title="Horizon Europe", territory_codes="EU", actor_roles="runs:Commission européenne", actor_kinds="agency"),
        row("multi", title="Interrégional", territory_codes="REG-53 | REG-52", actor_roles="runs:operateur"),
        row("dep", title="Départemental", territory_codes="DEP-2A", actor_roles="runs:320 252 489"),
        row("outre-mer", title="Outre-mer", territory_codes="REG-03 | DEP-971", actor_roles="runs:operateur"),
        columns=[*PROGRAMME_COLUMNS, "actor_kinds"])
    run_command(tmp_path, data, "--create-actors")
    codes = {p.slug: sorted(t.code for t in p.territories.all()) for p in Programme.objects.all()}
    assert codes == {"phrc-n": ["country:FR"], "i-lab": ["country:FR"], "horizon-europe": ["continent:EU"],
                     "multi": ["region:52", "region:53"], "dep": ["department:2A"], "outre-mer": ["department:971", "region:03"]}
    assert Actor.objects.get(name="Ministère de la Santé").kind == "state"
    assert Programme.objects.get(slug="dep").actors.get().slug == "bpifrance"
    assert Actor.objects.count() == 4  # operateur, bpifrance and the two created


def test_the_importer_loads_only_the_programmes_the_file_names(django_assert_num_queries):
    """Matching reads the entries a file names (by slug, title or source URL), not the whole directory."""
    from programmes.imports.programmes import ExistingProgrammes

    named = ProgrammeFactory(slug="nommé-par-le-fichier", website="https://exemple.fr/a")
    by_url = ProgrammeFactory(slug="autre", website="https://exemple.fr/b")
    ProgrammeFactory(slug="jamais-nomme", website="https://exemple.fr/c")
    existing = ExistingProgrammes()
    existing.prefetch(["slug", "title", "website"], [["nommé-par-le-fichier", "x", ""], ["", "Y", "https://exemple.fr/b"]])
    assert set(existing.by_slug) == {named.slug, by_url.slug}
    with django_assert_num_queries(0):
        assert named.slug in existing and existing.with_website("https://exemple.fr/b") == ["autre"]
    assert "jamais-nomme" in existing  # not foreseen: fetched when asked
