"""Permission matrix: role × action × entry of organisation A or B."""
import pytest
from django.urls import reverse

from editorial.roles import EDITORS, REVIEWERS
from programmes.exports import programme_rows
from programmes.models import FundedProject, Programme
from tests.factories import (
    ActorFactory,
    FundedProjectFactory,
    ProgrammeActorFactory,
    ProgrammeFactory,
    admin_change_data,
    staff_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    org_a, org_b = ActorFactory(name="Organisation A"), ActorFactory(name="Organisation B")
    prog_a = ProgrammeFactory(title="Programme A", publication_state="draft")
    prog_b = ProgrammeFactory(title="Programme B", publication_state="draft")
    ProgrammeActorFactory(programme=prog_a, actor=org_a)
    ProgrammeActorFactory(programme=prog_b, actor=org_b)
    FundedProjectFactory(programme=prog_a, title="Projet A")
    FundedProjectFactory(programme=prog_b, title="Projet B")
    users = {
        "editor_a": staff_user(EDITORS, [org_a]),
        "editor_b": staff_user(EDITORS, [org_b]),
        "reviewer": staff_user(REVIEWERS),
        "admin": staff_user(is_superuser=True),
    }
    return {"A": prog_a, "B": prog_b, "org": {"A": org_a, "B": org_b}, "users": users}


# Which entries each role reaches (view, change, POST change, import).
REACH = {"editor_a": {"A"}, "editor_b": {"B"}, "reviewer": {"A", "B"}, "admin": {"A", "B"}}
CAN_DELETE = {"editor_a": set(), "editor_b": set(), "reviewer": set(), "admin": {"A", "B"}}
ROLES = list(REACH)
ENTRIES = ["A", "B"]


def login(client, world, role):
    client.force_login(world["users"][role])


@pytest.mark.parametrize("role", ROLES)
def test_changelist_lists_exactly_the_reachable_entries(client, world, role):
    login(client, world, role)
    response = client.get(reverse("admin:programmes_programme_changelist"))
    assert response.status_code == 200
    listed = {p.title for p in response.context["cl"].result_list}
    assert listed == {f"Programme {e}" for e in REACH[role]}
    projects = client.get(reverse("admin:programmes_fundedproject_changelist")).context["cl"].result_list
    assert {p.title for p in projects} == {f"Projet {e}" for e in REACH[role]}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("entry", ENTRIES)
def test_change_page(client, world, role, entry):
    login(client, world, role)
    response = client.get(reverse("admin:programmes_programme_change", args=[world[entry].pk]))
    if entry in REACH[role]:
        assert response.status_code == 200
    else:
        assert response.status_code == 302 and response.url == reverse("admin:index")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("entry", ENTRIES)
def test_post_change(client, world, role, entry):
    login(client, world, role)
    programme = world[entry]
    data = admin_change_data(programme, title="Titre modifié")
    response = client.post(reverse("admin:programmes_programme_change", args=[programme.pk]), data)
    programme.refresh_from_db()
    if entry in REACH[role]:
        assert response.status_code == 302, response.context and response.context["adminform"].form.errors
        assert programme.title == "Titre modifié"
    else:
        assert programme.title == f"Programme {entry}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("entry", ENTRIES)
def test_delete(client, world, role, entry):
    login(client, world, role)
    programme = world[entry]
    programme.funded_projects.all().delete()
    response = client.post(reverse("admin:programmes_programme_delete", args=[programme.pk]), {"post": "yes"})
    exists = Programme.objects.filter(pk=programme.pk).exists()
    if entry in CAN_DELETE[role]:
        assert response.status_code == 302 and not exists
    else:
        assert response.status_code in (302, 403) and exists


def export_of(programme):
    rows = list(programme_rows(Programme.objects.filter(pk=programme.pk).with_status().prefetch_related("territories", "roles__actor", "themes", "audiences")))
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    rows[1][1] = "Titre importé"
    writer.writerows(rows)
    return buffer.getvalue().encode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("entry", ENTRIES)
def test_import(client, world, role, entry):
    login(client, world, role)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("p.csv", export_of(world[entry]), content_type="text/csv")
    url = reverse("admin:programmes_programme_import")
    preview = client.post(url, {"action": "preview", "file": upload})
    if entry in REACH[role]:
        assert preview.status_code == 200, [str(p) for p in preview.context["plan"].problems]
        confirm = client.post(url, {"action": "confirm", "token": preview.context["token"]})
        page = client.get(confirm["Location"]).content.decode()
        assert "1 / 1 lignes écrites" in page and "Import terminé : 0 créés, 1 mis à jour." in page
        assert Programme.objects.get(pk=world[entry].pk).title == "Titre importé"
    else:
        assert preview.status_code == 400
        assert "autre organisation" in preview.content.decode()
        assert Programme.objects.get(pk=world[entry].pk).title == f"Programme {entry}"


def test_editor_cannot_create_a_programme_without_one_of_its_organisations(client, world):
    login(client, world, "editor_a")
    data = {
        "title": "Nouveau", "slug": "nouveau", "kind": "funding_call", "recurrence": "one_off", "publication_state": "draft",
        "roles-TOTAL_FORMS": "1", "roles-INITIAL_FORMS": "0", "roles-0-actor": world["org"]["B"].pk, "roles-0-role": "runs",
        "funded_projects-TOTAL_FORMS": "0", "funded_projects-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:programmes_programme_add"), data)
    assert response.status_code == 200
    assert "une de vos organisations" in response.content.decode()
    assert not Programme.objects.filter(slug="nouveau").exists()
    data["roles-0-actor"] = world["org"]["A"].pk
    assert client.post(reverse("admin:programmes_programme_add"), data).status_code == 302
    assert Programme.objects.get(slug="nouveau").publication_state == "draft"


def test_editor_cannot_attach_a_project_to_another_organisations_programme(client, world):
    login(client, world, "editor_a")
    data = {"title": "Intrus", "slug": "intrus", "programme": world["B"].pk, "beneficiary": world["org"]["A"].pk,
            "publication_state": "draft"}
    response = client.post(reverse("admin:programmes_fundedproject_add"), data)
    assert response.status_code == 200
    assert not FundedProject.objects.filter(slug="intrus").exists()


def test_editor_edits_only_its_own_actor_record(client, world):
    login(client, world, "editor_a")
    assert client.get(reverse("admin:actors_actor_change", args=[world["org"]["A"].pk])).status_code == 200
    assert client.get(reverse("admin:actors_actor_change", args=[world["org"]["B"].pk])).status_code == 302
    assert client.get(reverse("admin:actors_actor_add")).status_code == 403


def test_editor_cannot_publish_through_a_crafted_post(client, world):
    login(client, world, "editor_a")
    programme = world["A"]
    response = client.post(reverse("admin:programmes_programme_change", args=[programme.pk]),
                           admin_change_data(programme, publication_state="published"))
    assert response.status_code == 200
    programme.refresh_from_db()
    assert programme.publication_state == "draft"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("entry", ENTRIES)
def test_history_view(client, world, role, entry):
    login(client, world, role)
    response = client.get(reverse("admin:programmes_programme_history", args=[world[entry].pk]))
    assert response.status_code == (200 if entry in REACH[role] else 403)


def test_editor_cannot_publish_a_project_through_the_programme_inline(client, world):
    login(client, world, "editor_a")
    programme = world["A"]
    FundedProject.objects.filter(title="Projet A").update(publication_state="draft")
    data = admin_change_data(programme)
    data["funded_projects-0-publication_state"] = "published"
    response = client.post(reverse("admin:programmes_programme_change", args=[programme.pk]), data)
    assert response.status_code == 302
    assert FundedProject.objects.get(title="Projet A").publication_state != "published"
