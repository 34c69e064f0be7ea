"""The list actions: offered only when the policy allows them, and each move in "Actions récentes"."""
import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse

from editorial.roles import EDITORS, REVIEWERS
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, staff_user

pytestmark = pytest.mark.django_db

WORKFLOW = {"make_submitted", "make_published", "make_archived", "make_draft"}


@pytest.fixture
def world(db):
    org = ActorFactory()
    programme = ProgrammeFactory(title="Appel A", publication_state="draft")
    ProgrammeActorFactory(programme=programme, actor=org)
    return {"programme": programme, "org": org, "editor": staff_user(EDITORS, [org]),
            "reviewer": staff_user(REVIEWERS), "admin": staff_user(is_superuser=True)}


def offered(client, user, changelist):
    client.force_login(user)
    response = client.get(reverse(changelist))
    return {name for name, _label in response.context["action_form"].fields["action"].choices if name}


@pytest.mark.parametrize("changelist", ["admin:programmes_programme_changelist", "admin:programmes_fundedproject_changelist",
                                        "admin:actors_actor_changelist"])
@pytest.mark.parametrize("who, expected", [
    ("editor", {"make_submitted", "make_draft"}),
    ("reviewer", WORKFLOW),
    ("admin", WORKFLOW),
])
def test_only_the_allowed_workflow_actions_are_offered(client, world, changelist, who, expected):
    assert offered(client, world[who], changelist) & WORKFLOW == expected


def test_an_editor_posting_publish_anyway_publishes_nothing(client, world):
    client.force_login(world["editor"])
    client.post(reverse("admin:programmes_programme_changelist"),
                {"action": "make_published", "_selected_action": [world["programme"].pk]})
    world["programme"].refresh_from_db()
    assert world["programme"].publication_state == "draft"


def run(client, user, action, entry):
    client.force_login(user)
    response = client.post(reverse("admin:programmes_programme_changelist"), {"action": action, "_selected_action": [entry.pk]})
    assert response.status_code == 302


def recent_actions(client, user):
    client.force_login(user)
    page = client.get(reverse("admin:index")).content.decode()
    return page.split('id="recent-actions-module"', 1)[1].split("</div>", 1)[0]


def test_submit_publish_archive_and_restore_are_logged_as_recent_actions(client, world):
    programme = world["programme"]
    run(client, world["editor"], "make_submitted", programme)
    assert "Appel A" in recent_actions(client, world["editor"])
    run(client, world["reviewer"], "make_published", programme)
    run(client, world["reviewer"], "make_archived", programme)
    run(client, world["reviewer"], "make_draft", programme)
    recent = recent_actions(client, world["reviewer"])
    assert "Appel A" in recent and "Publié" in recent and "Restauré depuis les archives (Brouillon)" in recent
    logged = LogEntry.objects.filter(object_id=str(programme.pk)).order_by("id")
    assert [(e.user, e.action_flag) for e in logged] == [(world["editor"], CHANGE)] + [(world["reviewer"], CHANGE)] * 3
    assert [e.get_change_message() for e in logged] == [
        "Soumis pour relecture", "Publié", "Archivé", "Restauré depuis les archives (Brouillon)"]


def test_a_refused_or_void_move_logs_nothing(client, world):
    run(client, world["editor"], "make_draft", world["programme"])  # already a draft
    run(client, world["editor"], "make_archived", world["programme"])  # not offered, refused
    assert not LogEntry.objects.exists()
