"""Issue 10 item 4: an editor's change to a published entry waits for a reviewer as a pending revision."""
import pytest
from django.urls import reverse

from actors.models import Actor
from editorial.models import PublicationState as S
from editorial.models import Revision, RevisionState
from editorial.roles import EDITORS, REVIEWERS
from programmes.models import Programme
from tests.factories import (
    ActorFactory,
    ProgrammeActorFactory,
    ProgrammeFactory,
    ThemeFactory,
    admin_change_data,
    staff_user,
    stored_version,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    org, other = ActorFactory(name="Organisation A"), ActorFactory(name="Organisation B")
    programme = ProgrammeFactory(title="Titre publié", summary="Résumé publié")
    ProgrammeActorFactory(programme=programme, actor=org)
    users = {"editor": staff_user(EDITORS, [org]), "other_editor": staff_user(EDITORS, [other]),
             "reviewer": staff_user(REVIEWERS), "admin": staff_user(is_superuser=True)}
    return {"programme": programme, "org": org, "other": other, "users": users}


def change_url(entry):
    return reverse(f"admin:{entry._meta.app_label}_{entry._meta.model_name}_change", args=[entry.pk])


def diff_url(revision):
    return reverse("admin:editorial_revision_change", args=[revision.pk])


def propose(client, world, **overrides):
    client.force_login(world["users"]["editor"])
    programme = Programme.objects.get(pk=world["programme"].pk)
    response = client.post(change_url(programme), admin_change_data(programme, **overrides), follow=True)
    assert response.status_code == 200
    return response


def test_an_editors_change_to_a_published_programme_is_held_for_review(client, world):
    theme = ThemeFactory(name="Cardiologie")
    response = propose(client, world, title="Titre proposé", themes=[theme.pk])
    assert "attend la validation d&#x27;un relecteur" in response.content.decode()
    programme = Programme.objects.get(pk=world["programme"].pk)
    assert programme.title == "Titre publié" and not programme.themes.exists()
    assert Programme.objects.search("publié").filter(pk=programme.pk).exists()
    assert not Programme.objects.search("proposé").exists()
    assert client.get(programme.get_absolute_url()).content.decode().count("Titre proposé") == 0
    revision = Revision.objects.get()
    assert revision.state == RevisionState.PENDING and revision.author == world["users"]["editor"]
    assert revision.data["fields"] == {"title": "Titre proposé"} and revision.data["m2m"] == {"themes": [theme.pk]}


def test_the_editor_sees_its_proposal_when_reopening_and_saving_again_adds_to_it(client, world):
    propose(client, world, title="Titre proposé")
    page = client.get(change_url(world["programme"]))
    assert page.context["adminform"].form["title"].value() == "Titre proposé"
    assert "Votre modification du" in page.content.decode()
    data = admin_change_data(Programme.objects.get(pk=world["programme"].pk), title="Titre proposé", summary="Résumé proposé")
    client.post(change_url(world["programme"]), data)
    revision = Revision.objects.get()
    assert revision.data["fields"] == {"title": "Titre proposé", "summary": "Résumé proposé"}


def test_a_draft_is_still_edited_directly(client, world):
    programme = world["programme"]
    Programme.objects.filter(pk=programme.pk).update(publication_state=S.DRAFT)
    propose(client, world, title="Titre direct")
    assert Programme.objects.get(pk=programme.pk).title == "Titre direct"
    assert not Revision.objects.exists()


@pytest.mark.parametrize("who", ["reviewer", "admin"])
def test_a_reviewers_change_goes_live(client, world, who):
    client.force_login(world["users"][who])
    programme = world["programme"]
    client.post(change_url(programme), admin_change_data(programme, title="Titre relu"))
    assert Programme.objects.get(pk=programme.pk).title == "Titre relu"
    assert not Revision.objects.exists()


def test_the_reviewer_sees_the_pending_revision_listed_on_the_entry_and_as_an_escaped_diff(client, world):
    propose(client, world, title="<script>alert(1)</script>")
    revision = Revision.objects.get()
    client.force_login(world["users"]["reviewer"])
    listed = client.get(reverse("admin:editorial_revision_changelist") + "?state__exact=pending")
    assert list(listed.context["cl"].result_list) == [revision]
    assert diff_url(revision) in client.get(change_url(world["programme"])).content.decode()
    page = client.get(diff_url(revision))
    assert page.status_code == 200
    assert page.context["rows"] == [("titre", "Titre publié", "<script>alert(1)</script>")]
    html = page.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html


def test_approving_applies_through_the_services_with_the_author_in_the_history(client, world):
    theme = ThemeFactory(name="Oncologie")
    other_actor = ActorFactory(name="Financeur Public")
    data = admin_change_data(Programme.objects.get(pk=world["programme"].pk), title="Titre validé", themes=[theme.pk])
    data.update({"roles-TOTAL_FORMS": "2", "roles-1-actor": other_actor.pk, "roles-1-role": "funds", "roles-1-programme": world["programme"].pk})
    client.force_login(world["users"]["editor"])
    assert client.post(change_url(world["programme"]), data).status_code == 302
    revision = Revision.objects.get()
    reviewer = world["users"]["reviewer"]
    client.force_login(reviewer)
    before = world["programme"].history.count()
    response = client.post(diff_url(revision), {"decision": "approve"}, follow=True)
    assert "Modification validée" in response.content.decode()
    programme = Programme.objects.get(pk=world["programme"].pk)
    assert programme.title == "Titre validé" and list(programme.themes.all()) == [theme]
    assert set(programme.roles.values_list("actor_id", "role")) == {(world["org"].pk, "runs"), (other_actor.pk, "funds")}
    assert programme.publication_state == S.PUBLISHED
    assert programme.history.count() == before + 1
    latest = programme.history.first()
    assert latest.history_user == reviewer and world["users"]["editor"].username in latest.history_change_reason
    assert Programme.objects.search("validé").get() == programme
    assert Programme.objects.search("financeur public").get() == programme
    revision.refresh_from_db()
    assert revision.state == RevisionState.APPROVED and revision.reviewer == reviewer and revision.decided_at


def test_rejecting_keeps_the_published_version_and_the_comment(client, world):
    propose(client, world, title="Titre refusé")
    revision = Revision.objects.get()
    client.force_login(world["users"]["reviewer"])
    client.post(diff_url(revision), {"decision": "reject", "comment": "Source manquante"})
    revision.refresh_from_db()
    assert revision.state == RevisionState.REJECTED and revision.comment == "Source manquante"
    assert Programme.objects.get(pk=world["programme"].pk).title == "Titre publié"
    client.force_login(world["users"]["editor"])
    assert "Source manquante" in client.get(diff_url(revision)).content.decode()


def test_a_stale_revision_is_not_approved(client, world):
    propose(client, world, title="Titre de l'éditeur")
    revision = Revision.objects.get()
    client.force_login(world["users"]["reviewer"])
    programme = Programme.objects.get(pk=world["programme"].pk)
    client.post(change_url(programme), admin_change_data(programme, summary="Résumé du relecteur"))
    page = client.get(diff_url(revision))
    assert page.context["stale"] and "Valider et publier" not in page.content.decode()
    response = client.post(diff_url(revision), {"decision": "approve"}, follow=True)
    assert "a été modifiée depuis cette proposition" in response.content.decode()
    programme.refresh_from_db()
    assert programme.title == "Titre publié" and programme.summary == "Résumé du relecteur"
    revision.refresh_from_db()
    assert revision.state == RevisionState.PENDING


def test_editors_cannot_decide_and_others_cannot_see(client, world):
    propose(client, world, title="Titre proposé")
    revision = Revision.objects.get()
    assert client.post(diff_url(revision), {"decision": "approve"}).status_code == 403
    client.force_login(world["users"]["other_editor"])
    assert client.get(diff_url(revision)).status_code == 404
    assert client.post(diff_url(revision), {"decision": "approve"}).status_code == 404
    assert not client.get(reverse("admin:editorial_revision_changelist")).context["cl"].result_list
    assert Programme.objects.get(pk=world["programme"].pk).title == "Titre publié"
    assert client.get(reverse("admin:editorial_revision_change", args=[999999])).status_code == 404


def test_an_editors_change_to_its_published_actor_is_held_then_approved(client, world):
    actor = world["org"]
    client.force_login(world["users"]["editor"])
    data = {"name": "Nouveau nom", "acronym": "", "slug": actor.slug, "kind": actor.kind, "seat": "", "siren": "", "website": "",
            "description": "", "source": "", "publication_state": S.PUBLISHED, "edit_version": stored_version(actor)}
    assert client.post(change_url(actor), data).status_code == 302
    assert Actor.objects.get(pk=actor.pk).name == "Organisation A"
    revision = Revision.objects.get()
    client.force_login(world["users"]["reviewer"])
    client.post(diff_url(revision), {"decision": "approve"})
    actor.refresh_from_db()
    assert actor.name == "Nouveau nom"
    assert "Modification proposée par" in actor.history.first().history_change_reason
    assert Programme.objects.search("nouveau nom").get() == world["programme"]


def test_the_revision_list_runs_the_same_queries_for_1_and_20_rows(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from editorial.revisions import propose_values

    editor, reviewer = world["users"]["editor"], world["users"]["reviewer"]
    url = reverse("admin:editorial_revision_changelist") + "?state__exact=pending"
    propose_values(world["programme"], {"summary": "Un"}, user=editor)
    client.force_login(reviewer)
    with CaptureQueriesContext(connection) as one:
        assert len(client.get(url).context["cl"].result_list) == 1
    for index in range(19):
        programme = ProgrammeFactory(title=f"Programme {index}")
        propose_values(programme, {"summary": "Deux"}, user=staff_user(EDITORS, [world["org"]]))
    with CaptureQueriesContext(connection) as many:
        assert len(client.get(url).context["cl"].result_list) == 20
    assert len(many.captured_queries) == len(one.captured_queries)


def test_an_editors_change_to_a_published_project_is_held_then_approved(client, world):
    from programmes.models import FundedProject
    from tests.factories import FundedProjectFactory

    partner = ActorFactory(name="Laboratoire partenaire")
    project = FundedProjectFactory(programme=world["programme"], beneficiary=world["org"], title="Projet publié")
    data = {"title": "Projet renommé", "slug": project.slug, "programme": world["programme"].pk, "beneficiary": world["org"].pk,
            "partners": [partner.pk], "year": "2024", "awarded_on": "", "amount": "", "territory": "", "description": "",
            "website": "", "source": "", "publication_state": S.PUBLISHED, "edit_version": stored_version(project)}
    client.force_login(world["users"]["editor"])
    assert client.post(change_url(project), data).status_code == 302
    assert FundedProject.objects.get(pk=project.pk).title == "Projet publié" and not project.partners.exists()
    revision = Revision.objects.get()
    client.force_login(world["users"]["reviewer"])
    assert ("partenaires", "—", "Laboratoire partenaire") in client.get(diff_url(revision)).context["rows"]
    client.post(diff_url(revision), {"decision": "approve"})
    project.refresh_from_db()
    assert project.title == "Projet renommé" and list(project.partners.all()) == [partner]
    assert FundedProject.objects.search("renommé").get() == project
