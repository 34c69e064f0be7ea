"""Funded-project CSV import, and a whole directory re-imported into a freshly migrated database."""
import io

import pytest
from django.core.management import call_command

from actors.models import Actor
from editorial.roles import EDITORS
from programmes.demo import load_demo_data
from programmes.exports import PROJECT_COLUMNS
from programmes.imports import PROJECTS
from programmes.models import FundedProject, Programme, ProgrammeActor
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, staff_user

# Reference territories: a module that flushes the database (tests/test_hostile_input.py) removes them.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("geography")]


def project_csv(**cells):
    row = {"slug": "robot", "title": "Robot chirurgical", "programme_slug": "appel", "beneficiary_slug": "chu",
           "partners": "Labo | Start-up", "year": "2024", "amount_eur": "150000.50", "territory_code": "department:35", **cells}
    return (",".join(PROJECT_COLUMNS) + "\r\n" + ",".join(row.get(c, "") for c in PROJECT_COLUMNS) + "\r\n").encode()


@pytest.fixture
def world(db):
    programme = ProgrammeFactory(slug="appel")
    chu = ActorFactory(slug="chu", name="CHU")
    ProgrammeActorFactory(programme=programme, actor=chu)
    ActorFactory(name="Labo"), ActorFactory(name="Start-up")
    return {"programme": programme, "chu": chu}


def test_project_with_partners_amount_and_territory(world):
    plan = PROJECTS.plan(project_csv())
    assert plan.ok, [str(p) for p in plan.problems]
    PROJECTS.apply(plan, publish=True)
    project = FundedProject.objects.get(slug="robot")
    assert project.programme == world["programme"] and project.beneficiary == world["chu"]
    assert sorted(a.name for a in project.partners.all()) == ["Labo", "Start-up"]
    assert str(project.amount) == "150000.50" and project.territory.code == "department:35" and project.is_public
    assert project in FundedProject.objects.search("robot chu")


def test_unknown_references_are_reported_by_column(world):
    plan = PROJECTS.plan(project_csv(programme_slug="nope", beneficiary_slug="ghost", partners="Inconnu", year="1800", territory_code="region:99"))
    assert {p.column for p in plan.problems} == {"programme_slug", "beneficiary_slug", "partners", "year", "territory_code"}
    assert not FundedProject.objects.exists()


def test_editors_import_projects_of_their_programmes_only(world):
    editor = staff_user(EDITORS, organisations=[world["chu"]])
    assert PROJECTS.plan(project_csv(), user=editor).ok
    other = ProgrammeFactory(slug="autre")
    refused = PROJECTS.plan(project_csv(programme_slug="autre"), user=editor)
    assert [p.column for p in refused.problems] == ["programme_slug"] and other.pk


def export(client, path):
    return b"".join(client.get(path).streaming_content)


def test_a_migrated_empty_database_accepts_the_exports(client, tmp_path):
    """Reference data come with `migrate`: the three exports re-import with no other command."""
    load_demo_data()
    paths = {"actors": "/acteurs/export.csv", "programmes": "/programmes/export.csv", "projects": "/projets/export.csv"}
    before = {name: export(client, path) for name, path in paths.items()}
    FundedProject.objects.all().delete()
    ProgrammeActor.objects.all().delete()
    Programme.objects.all().delete()
    Actor.objects.all().delete()
    for name in ("actors", "programmes", "projects"):
        file = tmp_path / f"{name}.csv"
        file.write_bytes(before[name])
        call_command(f"import_{name}", str(file), stdout=io.StringIO())
    assert {name: export(client, path) for name, path in paths.items()} == before


@pytest.mark.parametrize(("code", "expected"), [("REG-53", "region:53"), ("DEP-2A", "department:2A"), ("FR", "country:FR"), ("EU", "continent:EU")])
def test_the_territory_takes_every_documented_form(world, code, expected):
    plan = PROJECTS.plan(project_csv(territory_code=code))
    assert plan.ok, [str(p) for p in plan.problems]
    assert plan.rows[0].values["territory"].code == expected


def test_a_nul_character_is_refused_before_the_write(world, tmp_path):
    plan = PROJECTS.plan(project_csv(title="Robot\x00"))
    assert [(p.line, p.column) for p in plan.problems] == [(2, "title")]
    path = tmp_path / "p.csv"
    path.write_bytes(project_csv(description="a\x00b"))
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("import_projects", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert not FundedProject.objects.exists()


def test_a_bom_file_with_commas_is_read(world):
    plan = PROJECTS.plan("\ufeff".encode() + project_csv())
    assert plan.ok, [str(p) for p in plan.problems]
    assert str(plan.rows[0].values["amount"]) == "150000.50"


def test_partners_are_matched_whatever_the_case_and_accents(world):
    ActorFactory(name="Société Étoile", acronym="SE")
    plan = PROJECTS.plan(project_csv(partners="labo | societe etoile"))
    assert plan.ok, [str(p) for p in plan.problems]
    assert sorted(a.name for a in plan.rows[0].relations["partners"]) == ["Labo", "Société Étoile"]


def test_editors_never_reach_another_organisations_drafts(world):
    from editorial.models import PublicationState

    ActorFactory(slug="secret", name="Secret", publication_state=PublicationState.DRAFT)
    ProgrammeFactory(slug="brouillon", publication_state=PublicationState.DRAFT)
    editor = staff_user(EDITORS, organisations=[world["chu"]])
    plan = PROJECTS.plan(project_csv(beneficiary_slug="secret", partners="Secret", programme_slug="brouillon"), user=editor)
    messages = {p.column: p.message for p in plan.problems}
    assert set(messages) == {"beneficiary_slug", "partners", "programme_slug"}
    assert "n'existe pas" in messages["beneficiary_slug"] and "inconnu" in messages["partners"]
    assert "n'existe pas" in messages["programme_slug"]  # not "belongs to another organisation"
    assert PROJECTS.plan(project_csv(beneficiary_slug="secret", partners="Secret", programme_slug="brouillon")).ok  # reviewers do
