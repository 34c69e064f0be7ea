"""Only the columns an import needs are required (issue 22, part C item 10): an older export
(without `parent`) and a minimal hand-written file import; an update keeps what the file leaves out."""
import csv
import io
from decimal import Decimal

import pytest

from actors.exports import actor_rows
from actors.imports import ACTORS
from actors.models import Actor
from editorial.models import PublicationState
from editorial.roles import EDITORS
from programmes.exports import programme_rows, project_rows
from programmes.imports import PROGRAMMES, PROJECTS
from programmes.models import Audience, FundedProject, Programme, Theme
from search.index import INDEX_FIELDS
from territories.models import Territory
from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeActorFactory, ProgrammeFactory, staff_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("geography")]


def to_csv(rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode()


def without(rows, column):
    index = rows[0].index(column)
    return [row[:index] + row[index + 1:] for row in rows]


def imported(importer, rows, user=None):
    plan = importer.plan(to_csv(rows), user=user)
    assert plan.ok, [str(p) for p in plan.problems]
    importer.apply(plan, user=user)
    return plan


@pytest.fixture
def family():
    """A parent and a child with every relation and a few values."""
    operator = ActorFactory(slug="operateur", name="Opérateur")
    parent = ProgrammeFactory(slug="parent", title="Parent")
    child = ProgrammeFactory(
        slug="enfant", title="Enfant", kind="grant", summary="Résumé", website="https://example.org/enfant",
        amount_max=Decimal("5000"), recurrence="annual", parent=parent,
        territories=[Territory.objects.get(kind="region", insee_code="53")], themes=[Theme.objects.get_or_create(slug="medtech", defaults={"name": "Medtech"})[0]],
    )
    child.audiences.add(Audience.objects.get_or_create(slug="startups-pme", defaults={"name": "Start-ups"})[0])
    ProgrammeActorFactory(programme=child, actor=operator, role="runs")
    return child


def relations(programme):
    programme = Programme.objects.get(pk=programme.pk)
    return (
        programme.parent.slug if programme.parent else None, sorted(t.insee_code for t in programme.territories.all()),
        sorted(programme.themes.values_list("slug", flat=True)), sorted(programme.audiences.values_list("slug", flat=True)),
        sorted(programme.roles.values_list("role", "actor__slug")),
    )


def test_an_older_export_without_parent_imports_and_keeps_the_stored_parents(family):
    before = relations(family)
    rows = without([list(row) for row in programme_rows(Programme.objects.order_by("id"))], "parent")
    rows[2][rows[0].index("title")] = "Enfant renommé"
    plan = imported(PROGRAMMES, rows)
    assert (plan.updated, plan.unchanged) == (1, 1)
    assert Programme.objects.get(slug="enfant").title == "Enfant renommé"
    assert relations(family) == before and before[0] == "parent"


def test_a_minimal_file_creates_programmes():
    imported(PROGRAMMES, [["slug", "title", "kind"], ["neuf", "Neuf", "grant"], ["", "Sans identifiant", "ami"]])
    neuf = Programme.objects.get(slug="neuf")
    assert (neuf.title, neuf.kind, neuf.recurrence, neuf.summary, neuf.amount_max, neuf.parent) == ("Neuf", "grant", "one_off", "", None, None)
    assert relations(neuf) == (None, [], [], [], [])
    assert Programme.objects.get(slug="sans-identifiant").kind == "ami"


def test_a_minimal_file_changes_only_the_title_of_an_existing_programme(family):
    before = relations(family)
    stored = Programme.objects.values().get(pk=family.pk)
    plan = PROGRAMMES.plan(to_csv([["slug", "title", "kind"], ["enfant", "Enfant", "grant"]]))
    assert plan.ok and (plan.updated, plan.unchanged) == (0, 1)  # the row repeats the entry
    imported(PROGRAMMES, [["slug", "title", "kind"], ["enfant", "Nouveau titre", "grant"]])
    after = Programme.objects.values().get(pk=family.pk)
    assert after["title"] == "Nouveau titre"
    ignored = ("title", "updated_at", *INDEX_FIELDS)  # the search text follows the title
    assert {k: v for k, v in after.items() if k not in ignored} == {k: v for k, v in stored.items() if k not in ignored}
    assert relations(family) == before


def test_an_editor_updates_its_own_programme_with_a_minimal_file(family):
    Programme.objects.filter(pk=family.pk).update(publication_state=PublicationState.DRAFT)
    editor = staff_user(EDITORS, organisations=[Actor.objects.get(slug="operateur")])
    imported(PROGRAMMES, [["slug", "title", "kind"], ["enfant", "Par l'éditeur", "grant"]], user=editor)
    assert Programme.objects.get(pk=family.pk).title == "Par l'éditeur" and relations(family)[4] == [("runs", "operateur")]


def test_derived_columns_are_accepted_and_ignored():
    header = ["slug", "title", "kind", "kind_label", "status", "status_label", "territories", "page_url"]
    imported(PROGRAMMES, [header, ["neuf", "Neuf", "grant", "Autre chose", "closed", "Clos", "Bretagne", "https://ailleurs.example/"]])
    assert Programme.objects.get(slug="neuf").kind == "grant" and not Programme.objects.get(slug="neuf").territories.exists()
    imported(ACTORS, [["slug", "name", "kind", "kind_label", "seat", "page_url"], ["org", "Org", "company", "Hôpital", "Bretagne", "x"]])
    assert Actor.objects.get(slug="org").seat is None


@pytest.mark.parametrize(("importer", "header", "missing"), [
    (PROGRAMMES, ["slug", "kind", "summary"], "title"),
    (ACTORS, ["slug", "name", "website"], "kind"),
    (PROJECTS, ["slug", "title", "programme_slug", "year"], "beneficiary_slug"),
])
def test_a_file_missing_a_required_column_names_it(importer, header, missing):
    plan = importer.plan(to_csv([header, ["x"] * len(header)]))
    assert [problem.message for problem in plan.problems] == [f"colonnes manquantes : {missing}"]


def test_a_minimal_actor_file_creates_and_keeps_what_it_leaves_out():
    seat = Territory.objects.get(kind="department", insee_code="35")
    ActorFactory(slug="chu", name="CHU", kind="hospital", seat=seat, siren="263500076", website="https://chu.example/")
    imported(ACTORS, [["slug", "name", "kind"], ["chu", "CHU de Rennes", "hospital"], ["neuve", "Neuve", "company"]])
    chu = Actor.objects.get(slug="chu")
    assert (chu.name, chu.seat, chu.siren, chu.website) == ("CHU de Rennes", seat, "263500076", "https://chu.example/")
    assert Actor.objects.get(slug="neuve").kind == "company"
    exported = [list(row) for row in actor_rows(Actor.objects.order_by("id"))]
    assert ACTORS.plan(to_csv(without(exported, "page_url"))).unchanged == 2


def test_a_minimal_project_file_creates_and_keeps_partners_and_amounts():
    partner = ActorFactory(slug="partenaire")
    project = FundedProjectFactory(slug="projet", amount=Decimal("1000"), year=2023)
    project.partners.add(partner)
    header = ["slug", "title", "programme_slug", "beneficiary_slug"]
    imported(PROJECTS, [header, ["projet", "Renommé", project.programme.slug, project.beneficiary.slug],
                        ["nouveau", "Nouveau", project.programme.slug, project.beneficiary.slug]])
    project = FundedProject.objects.get(slug="projet")
    assert (project.title, project.amount, project.year, list(project.partners.all())) == ("Renommé", Decimal("1000"), 2023, [partner])
    assert FundedProject.objects.get(slug="nouveau").amount is None
    exported = [list(row) for row in project_rows(FundedProject.objects.order_by("id"))]
    assert PROJECTS.plan(to_csv(without(exported, "beneficiary_name"))).unchanged == 2
