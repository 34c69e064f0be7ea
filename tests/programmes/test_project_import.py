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

pytestmark = pytest.mark.django_db


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
