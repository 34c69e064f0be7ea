"""The programme parent link: cycles refused, shown on the page, exported, imported, chosen in the admin."""
import csv
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from editorial.roles import EDITORS
from programmes.imports import PROGRAMMES
from programmes.models import Programme
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, admin_change_data, staff_user

pytestmark = pytest.mark.django_db


def test_a_programme_cannot_be_its_own_parent():
    programme = ProgrammeFactory()
    programme.parent = programme
    with pytest.raises(ValidationError) as error:
        programme.full_clean()
    assert "parent" in error.value.message_dict


def test_a_cycle_through_descendants_is_refused():
    top = ProgrammeFactory(title="Stratégie")
    middle = ProgrammeFactory(title="Plan", parent=top)
    bottom = ProgrammeFactory(title="Appel", parent=middle)
    top.parent = bottom
    with pytest.raises(ValidationError) as error:
        top.full_clean()
    assert "parent" in error.value.message_dict
    bottom.parent = top  # re-attaching higher up is no cycle
    bottom.full_clean()


def test_the_page_shows_the_published_parent_and_children(client):
    strategy = ProgrammeFactory(title="France 2030")
    call = ProgrammeFactory(title="Concours i-Nov", parent=strategy)
    ProgrammeFactory(title="Appel en préparation", parent=strategy, publication_state="draft")
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Fait partie de :" in page and f'href="{strategy.get_absolute_url()}"' in page
    page = client.get(strategy.get_absolute_url()).content.decode()
    assert "Appels et dispositifs de ce programme" in page
    assert f'href="{call.get_absolute_url()}"' in page
    assert "Appel en préparation" not in page


def test_a_draft_parent_is_not_shown(client):
    hidden = ProgrammeFactory(title="Stratégie secrète", publication_state="draft")
    call = ProgrammeFactory(parent=hidden)
    page = client.get(call.get_absolute_url()).content.decode()
    assert "Fait partie de" not in page and "Stratégie secrète" not in page


def export_rows(client):
    response = client.get("/programmes/export.csv?sort=title")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_export_names_the_published_parent_in_the_last_column(client):
    strategy = ProgrammeFactory(title="A stratégie")
    ProgrammeFactory(title="B appel", parent=strategy)
    ProgrammeFactory(title="C appel", parent=ProgrammeFactory(title="Z brouillon", publication_state="draft"))
    response = client.get("/programmes/export.csv?sort=title")
    header = next(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert header[-1] == "parent"
    assert {row["title"]: row["parent"] for row in export_rows(client)} == {"A stratégie": "", "B appel": strategy.slug, "C appel": ""}


def csv_file(rows):
    header = list(rows[0])
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def row(slug, parent="", **values):
    from programmes.exports import PROGRAMME_COLUMNS

    base = dict.fromkeys(PROGRAMME_COLUMNS, "")
    base.update({"slug": slug, "title": slug.title(), "kind": "funding_call", "parent": parent, **values})
    return base


def test_the_import_links_a_child_before_its_parent_row_in_the_same_file():
    existing = ProgrammeFactory(title="France 2030")
    plan = PROGRAMMES.plan(csv_file([row("appel", parent="strategie"), row("strategie", parent=existing.slug)]))
    assert plan.ok, plan.problems
    PROGRAMMES.apply(plan, publish=True)
    assert Programme.objects.get(slug="appel").parent.slug == "strategie"
    assert Programme.objects.get(slug="strategie").parent == existing
    # Re-importing the same file changes nothing; an empty cell removes the link.
    assert PROGRAMMES.plan(csv_file([row("appel", parent="strategie"), row("strategie", parent=existing.slug)])).ok
    plan = PROGRAMMES.plan(csv_file([row("appel"), row("strategie", parent=existing.slug)]))
    PROGRAMMES.apply(plan)
    assert Programme.objects.get(slug="appel").parent is None


@pytest.mark.parametrize("rows, message", [
    ([row("a", parent="inconnu")], "inconnu"),
    ([row("a", parent="a")], "lui-même"),
    ([row("a", parent="b"), row("b", parent="a")], "boucle"),
])
def test_the_import_refuses_unknown_parents_and_cycles(rows, message):
    plan = PROGRAMMES.plan(csv_file(rows))
    assert not plan.ok
    assert any(p.column == "parent" and message in p.message for p in plan.problems), plan.problems


def test_the_import_refuses_a_cycle_through_the_directory():
    top = ProgrammeFactory(title="Haut")
    ProgrammeFactory(title="Bas", slug="bas", parent=top)
    plan = PROGRAMMES.plan(csv_file([row(top.slug, parent="bas", title="Haut")]))
    assert any(p.column == "parent" and "boucle" in p.message for p in plan.problems), plan.problems


@pytest.fixture
def editors(db):
    org_a, org_b = ActorFactory(name="Organisation A"), ActorFactory(name="Organisation B")
    own = ProgrammeFactory(title="Brouillon A", publication_state="draft")
    ProgrammeActorFactory(programme=own, actor=org_a)
    other_draft = ProgrammeFactory(title="Brouillon B", publication_state="draft")
    ProgrammeActorFactory(programme=other_draft, actor=org_b)
    published = ProgrammeFactory(title="Stratégie publiée")
    return {"user": staff_user(EDITORS, [org_a]), "org": org_a, "own": own, "other_draft": other_draft, "published": published}


def test_an_editor_import_cannot_name_another_organisations_draft(editors):
    data = csv_file([row("nouveau", parent=editors["other_draft"].slug, actor_roles=f"runs:{editors['org'].slug}")])
    plan = PROGRAMMES.plan(data, user=editors["user"])
    assert any(p.column == "parent" and "inconnu" in p.message for p in plan.problems), plan.problems
    data = csv_file([row("nouveau", parent=editors["published"].slug, actor_roles=f"runs:{editors['org'].slug}")])
    assert PROGRAMMES.plan(data, user=editors["user"]).ok


def autocomplete(client, term=""):
    response = client.get(reverse("admin:autocomplete"), {
        "app_label": "programmes", "model_name": "programme", "field_name": "parent", "term": term})
    assert response.status_code == 200
    return {item["text"] for item in json.loads(response.content)["results"]}


def test_the_admin_offers_own_and_published_programmes_as_parents(client, editors):
    client.force_login(editors["user"])
    assert autocomplete(client) == {"Brouillon A", "Stratégie publiée"}
    # The change list itself still shows only the editor's own programmes.
    changelist = client.get(reverse("admin:programmes_programme_changelist")).content.decode()
    assert "Stratégie publiée" not in changelist


def test_the_admin_refuses_a_crafted_parent_and_saves_an_allowed_one(client, editors):
    client.force_login(editors["user"])
    own = editors["own"]
    url = reverse("admin:programmes_programme_change", args=[own.pk])
    response = client.post(url, admin_change_data(own, parent=editors["other_draft"].pk))
    assert response.status_code == 200
    assert Programme.objects.get(pk=own.pk).parent is None
    response = client.post(url, admin_change_data(own, parent=editors["published"].pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Programme.objects.get(pk=own.pk).parent == editors["published"]


def test_the_demo_data_link_what_the_sources_say(demo):
    parents = dict(Programme.objects.filter(parent__isnull=False).values_list("slug", "parent__slug"))
    assert parents["strategie-acceleration-sante-numerique"] == "france-2030"
    assert parents["concours-i-nov"] == "france-2030"
    assert parents["health-digital-meeting-dijon-2020"] == "technopole-sante-dijon"
    assert "pack-relocalisation-auvergne-rhone-alpes" not in parents  # the text does not say so


def test_the_change_form_offers_the_parent_autocomplete(client, editors):
    client.force_login(editors["user"])
    page = client.get(reverse("admin:programmes_programme_change", args=[editors["own"].pk])).content.decode()
    assert 'name="parent"' in page and "admin-autocomplete" in page


def detail_queries(client, children):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    strategy = ProgrammeFactory(title=f"Stratégie {children}", parent=ProgrammeFactory(title=f"Plan {children}"))
    for index in range(children):
        ProgrammeFactory(title=f"Appel {children}-{index}", parent=strategy)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(strategy.get_absolute_url()).status_code == 200
    return len(queries)


def test_the_page_queries_do_not_grow_with_children(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert detail_queries(client, 1) == detail_queries(client, 30)
