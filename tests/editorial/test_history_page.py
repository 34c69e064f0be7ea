"""The history page in the editors' words: French headings and breadcrumb, state labels, no
"None", and authors linked only for who may open accounts."""
import pytest
from django.urls import reverse

from editorial.roles import EDITORS, REVIEWERS
from editorial.workflow import transition
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    org = ActorFactory(name="Organisation A")
    programme = ProgrammeFactory(title="Appel A", publication_state="draft")
    ProgrammeActorFactory(programme=programme, actor=org)
    editor = staff_user(EDITORS, [org], first_name="Alice", last_name="Martin", username="alice")
    programme._history_user = editor
    transition(programme, "submitted", user=editor)
    users = {"editor": editor, "reviewer": staff_user(REVIEWERS), "admin": staff_user(is_superuser=True)}
    return {"programme": programme, "org": org, "users": users}


def history_page(client, world, who, entry=None):
    client.force_login(world["users"][who])
    entry = entry or world["programme"]
    opts = entry._meta
    response = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[entry.pk]))
    assert response.status_code == 200
    return response.content.decode()


def table(page):
    return page.split('<table id="change-history"', 1)[1].split("</table>", 1)[0]


@pytest.mark.parametrize("who", ["editor", "reviewer", "admin"])
def test_headings_are_french_and_nothing_says_none(client, world, who):
    rows = table(history_page(client, world, who))
    assert "Modifications" in rows and "Changes" not in rows and "CHANGES" not in rows
    assert "None" not in rows


def test_states_are_named_by_their_labels(client, world):
    rows = table(history_page(client, world, "editor"))
    assert "Brouillon" in rows and "Soumis pour relecture" in rows
    assert "draft" not in rows and "submitted" not in rows


@pytest.mark.parametrize("who, linked", [("editor", False), ("reviewer", False), ("admin", True)])
def test_authors_are_linked_only_for_who_may_open_accounts(client, world, who, linked):
    rows = table(history_page(client, world, who))
    user_url = reverse("admin:auth_user_change", args=[world["users"]["editor"].pk])
    assert "Alice Martin" in rows
    assert (user_url in rows) is linked
    if not linked:
        assert client.get(user_url).status_code == 403  # what the link used to lead to


def test_the_restore_page_breadcrumb_is_french(client, world):
    org = world["org"]
    client.force_login(world["users"]["editor"])
    record = org.history.first()
    page = client.get(reverse("admin:actors_actor_simple_history", args=[org.pk, record.history_id])).content.decode()
    crumbs = page.split('<div class="breadcrumbs">', 1)[1].split("</div>", 1)[0]
    assert ">Acteurs</a>" in crumbs and "Actors" not in crumbs and "Historical" not in crumbs
    assert "Historique" in crumbs and "Accueil" in crumbs


def test_long_values_are_shortened_in_french(client, world):
    programme = world["programme"]
    programme.description = "Une description très longue. " * 20
    programme.save()
    rows = table(history_page(client, world, "editor"))
    assert "caractères …]" in rows and "chars]" not in rows
