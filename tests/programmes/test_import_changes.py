"""The import preview counts real changes only, and names the real problem of an unknown theme
or audience (issue 22, part C item 4)."""
import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from actors.exports import actor_rows
from actors.imports import ACTORS
from actors.models import Actor
from editorial.roles import EDITORS
from programmes.exports import PROGRAMME_COLUMNS, programme_rows, project_rows
from programmes.imports import PROGRAMMES, PROJECTS
from programmes.models import FundedProject, Programme, Theme
from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeActorFactory, ProgrammeFactory, staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("geography")]


def to_csv(rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode()


def exported(rows_of, queryset):
    return [list(row) for row in rows_of(queryset.order_by("id"))]


def edit(rows, slug, column, value):
    index = rows[0].index(column)
    for row in rows[1:]:
        if row[0] == slug:
            row[index] = value
    return rows


@pytest.fixture
def programmes():
    operator = ActorFactory(slug="operateur", name="Opérateur")
    theme, _created = Theme.objects.get_or_create(slug="innovation", defaults={"name": "Innovation"})
    for slug in ("un", "deux", "trois"):
        programme = ProgrammeFactory(slug=slug, title=slug.title())
        programme.themes.add(theme)
        ProgrammeActorFactory(programme=programme, actor=operator, role="runs")
    return operator


def test_only_rows_that_change_their_entry_count_as_updates(client, programmes):
    rows = exported(programme_rows, Programme.objects.all())
    plan = PROGRAMMES.plan(to_csv(rows))
    assert plan.ok and (plan.created, plan.updated, plan.unchanged) == (0, 0, 3)
    edit(rows, "un", "title", "Un, renommé")
    edit(rows, "deux", "theme_slugs", "")  # a relation only
    plan = PROGRAMMES.plan(to_csv(rows))
    assert (plan.created, plan.updated, plan.unchanged) == (0, 2, 1)
    assert {row.slug for row in plan.rows if row.unchanged} == {"trois"}
    client.force_login(staff_user(is_superuser=True))
    response = client.post("/admin/programmes/programme/import/", {"action": "preview", "file": SimpleUploadedFile("p.csv", to_csv(rows))})
    html = response.content.decode()
    assert "Aperçu : 0 fiche(s) à créer, 2 à mettre à jour, 1 inchangée(s)." in html and "<td>inchangée</td>" in html


def test_actors_and_projects_count_their_unchanged_rows_too():
    FundedProjectFactory(slug="projet")
    actors = exported(actor_rows, Actor.objects.all())
    plan = ACTORS.plan(to_csv(actors))
    assert plan.ok and (plan.updated, plan.unchanged) == (0, len(actors) - 1)
    plan = ACTORS.plan(to_csv(edit(actors, actors[1][0], "name", "Autre nom")))
    assert (plan.updated, plan.unchanged) == (1, len(actors) - 2)
    projects = exported(project_rows, FundedProject.objects.all())
    assert (PROJECTS.plan(to_csv(projects)).unchanged, PROJECTS.plan(to_csv(edit(projects, "projet", "title", "Autre"))).updated) == (1, 1)


def theme_row(slug, name):
    row = dict.fromkeys(PROGRAMME_COLUMNS, "") | {
        "slug": "neuf", "title": "Neuf", "kind": "grant", "actor_roles": "runs:operateur", "theme_slugs": slug, "themes": name}
    return to_csv([PROGRAMME_COLUMNS, [row[c] for c in PROGRAMME_COLUMNS]])


def messages(plan):
    return [str(problem) for problem in plan.problems]


def test_an_unknown_theme_is_named_with_the_one_meant(programmes):
    # A reviewer's file naming "Innovation" by a mistyped slug: the slug is the problem, not the name.
    assert messages(PROGRAMMES.plan(theme_row("innovaton", "Innovation"))) == [
        "ligne 2, theme_slugs : thématique inconnue « innovaton » : vouliez-vous dire « innovation » ? "
        "(« Innovation » est son nom : pour en créer une autre, donnez-lui un autre nom.)"]
    editor = staff_user(EDITORS, organisations=[programmes])
    assert messages(PROGRAMMES.plan(theme_row("inovation", ""), user=editor)) == [
        "ligne 2, theme_slugs : thématique inconnue « inovation » : vouliez-vous dire « innovation » ? (un administrateur peut l'ajouter)"]
    problem = messages(PROGRAMMES.plan(theme_row("zzz", ""), user=editor))[0]
    assert problem.startswith("ligne 2, theme_slugs : thématique inconnue « zzz » (valeurs acceptées : ") and "innovation" in problem
    plan = PROGRAMMES.plan(theme_row("nouvelle", "Nouvelle"))  # a reviewer still adds a new one
    assert plan.ok
