"""Issue 10, "tests that must exist": restore, import and every admin action respect the workflow;
and the admin bugs found in review (crafted action selection, hidden actors in role inlines)."""
import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse

from actors.imports import ACTORS
from actors.models import Actor
from editorial.models import PublicationState as S
from editorial.models import Publishable, Revision
from editorial.roles import EDITORS, REVIEWERS
from programmes.imports import PROGRAMMES, PROJECTS
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
PUBLISHABLE_ADMINS = [model for model in admin.site._registry if issubclass(model, Publishable)]


@pytest.fixture
def world(db):
    org = ActorFactory(name="Organisation A", slug="organisation-a")
    programme = ProgrammeFactory(title="Titre publié", slug="titre-publie")
    ProgrammeActorFactory(programme=programme, actor=org)
    project = FundedProjectFactory(programme=programme, beneficiary=org, title="Projet publié", slug="projet-publie")
    users = {"editor": staff_user(EDITORS, [org]), "reviewer": staff_user(REVIEWERS)}
    return {"entries": {Programme: programme, Actor: org, FundedProject: project}, "org": org, "users": users}


def snapshot(entry):
    fresh = type(entry).objects.get(pk=entry.pk)
    return {f.attname: getattr(fresh, f.attname) for f in fresh._meta.concrete_fields if not f.name.startswith("search")}


def all_action_names(model):
    request = RequestFactory().get("/")
    request.user = staff_user(is_superuser=True)
    return sorted(admin.site._registry[model].get_actions(request))


@pytest.mark.parametrize("model", PUBLISHABLE_ADMINS, ids=lambda m: m.__name__)
def test_no_admin_action_lets_an_editor_change_a_published_entry(client, world, model):
    entry = world["entries"][model]
    before = snapshot(entry)
    client.force_login(world["users"]["editor"])
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    for name in all_action_names(model):
        response = client.post(url, {"action": name, "_selected_action": [entry.pk], "post": "yes"})
        assert response.status_code in (200, 302, 403), name
        assert snapshot(entry) == before, name


def test_a_reviewers_workflow_action_still_works(client, world):
    programme = world["entries"][Programme]
    client.force_login(world["users"]["reviewer"])
    client.post(reverse("admin:programmes_programme_changelist"), {"action": "make_archived", "_selected_action": [programme.pk]})
    assert Programme.objects.get(pk=programme.pk).publication_state == S.ARCHIVED


def test_marking_a_published_programme_verified_is_a_revision_for_an_editor(client, world):
    programme = world["entries"][Programme]
    client.force_login(world["users"]["editor"])
    client.post(reverse("admin:programmes_programme_changelist"), {"action": "mark_verified", "_selected_action": [programme.pk]})
    assert Programme.objects.get(pk=programme.pk).last_verified_on is None
    assert "last_verified_on" in Revision.objects.get().data["fields"]


def test_restoring_a_published_entry_is_a_revision_for_an_editor(client, world):
    programme = world["entries"][Programme]
    old = programme.history.last()
    programme.title = "Titre actuel"
    programme.save()
    client.force_login(world["users"]["editor"])
    url = reverse("admin:programmes_programme_simple_history", args=[programme.pk, old.history_id])
    response = client.post(url, admin_change_data(Programme.objects.get(pk=programme.pk), title=old.title))
    assert response.status_code == 302
    assert Programme.objects.get(pk=programme.pk).title == "Titre actuel"
    assert Revision.objects.get().data["fields"]["title"] == "Titre publié"


def export_row(client, path):
    return b"".join(client.get(path).streaming_content)


@pytest.mark.parametrize("path, importer, admin_name", [
    ("/programmes/export.csv", PROGRAMMES, "programmes_programme"),
    ("/acteurs/export.csv", ACTORS, "actors_actor"),
    ("/projets/export.csv", PROJECTS, "programmes_fundedproject"),
])
def test_an_editors_import_cannot_change_a_published_entry(client, world, path, importer, admin_name):
    data = export_row(client, path)
    editor = world["users"]["editor"]
    plan = importer.plan(data, user=editor)
    assert not plan.ok and any("est publiée" in str(problem) for problem in plan.problems)
    assert importer.plan(data, user=world["users"]["reviewer"]).ok
    client.force_login(editor)
    preview = client.post(reverse(f"admin:{admin_name}_import"), {"action": "preview", "file": SimpleUploadedFile("x.csv", data)})
    assert preview.status_code == 400 and "est publiée" in preview.content.decode()


@pytest.mark.parametrize("model", PUBLISHABLE_ADMINS, ids=lambda m: m.__name__)
@pytest.mark.parametrize("selected", ["abc", "1.5", "", "\x00"])
def test_a_crafted_action_selection_is_a_message_not_a_500(client, world, model, selected):
    client.force_login(world["users"]["reviewer"])
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    response = client.post(url, {"action": "make_archived", "_selected_action": [selected]}, follow=True)
    assert response.status_code == 200
    assert world["entries"][model].__class__.objects.filter(publication_state=S.PUBLISHED).exists()


def role_post(programme, actor):
    data = admin_change_data(Programme.objects.get(pk=programme.pk))
    data.update({"roles-TOTAL_FORMS": "2", "roles-1-actor": actor.pk, "roles-1-role": "partner", "roles-1-programme": programme.pk})
    return data


def test_an_editor_cannot_name_another_organisations_draft_in_a_role(client, world):
    programme = world["entries"][Programme]
    Programme.objects.filter(pk=programme.pk).update(publication_state=S.DRAFT)
    hidden = ActorFactory(name="Brouillon secret", publication_state=S.DRAFT)
    client.force_login(world["users"]["editor"])
    response = client.post(reverse("admin:programmes_programme_change", args=[programme.pk]), role_post(programme, hidden))
    assert response.status_code == 200
    assert "Choisissez un acteur publié" in str(response.context["inline_admin_formsets"][0].formset.errors)
    assert not programme.roles.filter(actor=hidden).exists()
    public = ActorFactory(name="Partenaire publié")
    response = client.post(reverse("admin:programmes_programme_change", args=[programme.pk]), role_post(programme, public))
    assert response.status_code == 302 and programme.roles.filter(actor=public).exists()


def test_an_editor_cannot_change_a_published_project_from_its_programme_page(client, world):
    programme = world["entries"][Programme]
    Programme.objects.filter(pk=programme.pk).update(publication_state=S.DRAFT)
    client.force_login(world["users"]["editor"])
    data = admin_change_data(Programme.objects.get(pk=programme.pk), **{"funded_projects-0-title": "Projet modifié"})
    response = client.post(reverse("admin:programmes_programme_change", args=[programme.pk]), data)
    assert response.status_code == 200
    assert FundedProject.objects.get(pk=world["entries"][FundedProject].pk).title == "Projet publié"
