"""Two people edit the same entry: the second save never silently reverts the first one's."""
import pytest
from django.test import Client
from django.urls import reverse

from editorial.roles import EDITORS, REVIEWERS
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
def sessions(db):
    """Two browsers: an editor of the programme's organisation and a reviewer."""
    org = ActorFactory(name="Organisation A")
    programme = ProgrammeFactory(title="Titre d'origine", summary="Résumé d'origine", publication_state="draft")
    ProgrammeActorFactory(programme=programme, actor=org)
    FundedProjectFactory(programme=programme, title="Projet d'origine", publication_state="draft")
    alice, bob = Client(), Client()
    alice.force_login(staff_user(EDITORS, [org], username="alice", first_name="Alice", last_name="Martin"))
    bob.force_login(staff_user(REVIEWERS, username="bob"))
    return {"programme": programme, "alice": alice, "bob": bob}


def change_url(entry):
    return reverse(f"admin:{entry._meta.app_label}_{entry._meta.model_name}_change", args=[entry.pk])


def opened_form(client, entry):
    """The POST body of the change form as `client` opened it now (GET), hidden version included."""
    response = client.get(change_url(entry))
    assert response.status_code == 200
    assert 'name="edit_version"' in response.content.decode()
    return admin_change_data(entry, edit_version=response.context["adminform"].form["edit_version"].value())


def test_the_second_save_is_refused_and_keeps_the_typed_data(sessions):
    programme, alice, bob = sessions["programme"], sessions["alice"], sessions["bob"]
    alice_form, bob_form = opened_form(alice, programme), opened_form(bob, programme)
    assert alice.post(change_url(programme), {**alice_form, "title": "Titre d'Alice"}).status_code == 302
    response = bob.post(change_url(programme), {**bob_form, "summary": "Résumé de Bob"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Cette fiche a été modifiée par Alice Martin le " in page and "depuis que vous l&#x27;avez ouverte" in page
    assert "Résumé de Bob" in page  # redisplayed with Bob's input
    programme.refresh_from_db()
    assert (programme.title, programme.summary) == ("Titre d'Alice", "Résumé d'origine")


def test_saving_again_after_the_warning_replaces_knowingly(sessions):
    programme, alice, bob = sessions["programme"], sessions["alice"], sessions["bob"]
    alice_form, bob_form = opened_form(alice, programme), opened_form(bob, programme)
    alice.post(change_url(programme), {**alice_form, "title": "Titre d'Alice"})
    refused = bob.post(change_url(programme), {**bob_form, "summary": "Résumé de Bob"})
    version = refused.context["adminform"].form["edit_version"].value()
    assert version != bob_form["edit_version"]
    assert bob.post(change_url(programme), {**bob_form, "summary": "Résumé de Bob", "edit_version": version}).status_code == 302
    programme.refresh_from_db()
    assert programme.summary == "Résumé de Bob"


def test_a_form_without_its_version_is_refused(sessions):
    programme, alice = sessions["programme"], sessions["alice"]
    data = opened_form(alice, programme)
    del data["edit_version"]
    response = alice.post(change_url(programme), {**data, "title": "Sans version"})
    assert response.status_code == 200
    assert "ne dit pas à quelle version" in response.content.decode()
    assert Programme.objects.get(pk=programme.pk).title == "Titre d'origine"


def test_successive_saves_by_one_person_do_not_conflict(sessions):
    programme, alice = sessions["programme"], sessions["alice"]
    assert alice.post(change_url(programme), {**opened_form(alice, programme), "title": "Un"}).status_code == 302
    assert alice.post(change_url(programme), {**opened_form(alice, programme), "title": "Deux"}).status_code == 302
    assert Programme.objects.get(pk=programme.pk).title == "Deux"


def test_a_project_edited_on_its_page_is_not_reverted_by_the_programme_inline(sessions):
    programme, alice, bob = sessions["programme"], sessions["alice"], sessions["bob"]
    project = FundedProject.objects.get(programme=programme)
    programme_form = opened_form(alice, programme)
    project_form = {"title": "Projet de Bob", "slug": project.slug, "programme": programme.pk, "beneficiary": project.beneficiary_id,
                    "year": project.year, "publication_state": project.publication_state, "source": "", "description": "",
                    "website": "", "amount": "", "awarded_on": "", "territory": ""}
    bob_form = bob.get(change_url(project)).context["adminform"].form
    project_form["edit_version"] = bob_form["edit_version"].value()
    assert bob.post(change_url(project), project_form).status_code == 302
    response = alice.post(change_url(programme), {**programme_form, "funded_projects-0-title": "Projet d'Alice"})
    assert response.status_code == 200
    assert "Cette fiche a été modifiée par bob" in response.content.decode()
    assert FundedProject.objects.get(pk=project.pk).title == "Projet de Bob"


@pytest.mark.parametrize("model", ["actor", "fundedproject"])
def test_every_publishable_change_form_carries_its_version(sessions, model):
    programme = sessions["programme"]
    entry = {"actor": programme.actors.first(), "fundedproject": programme.funded_projects.first()}[model]
    page = sessions["bob"].get(change_url(entry)).content.decode()
    assert page.count('name="edit_version"') == 1


def test_a_restore_opened_before_another_save_is_refused(sessions):
    programme, alice, bob = sessions["programme"], sessions["alice"], sessions["bob"]
    programme.title = "Deuxième version"
    programme.save()
    first = programme.history.last()
    url = reverse("admin:programmes_programme_simple_history", args=[programme.pk, first.history_id])
    version = bob.get(url).context["adminform"].form["edit_version"].value()
    alice.post(change_url(programme), {**opened_form(alice, programme), "summary": "Résumé d'Alice"})
    data = admin_change_data(Programme.objects.get(pk=programme.pk), title=first.title, edit_version=version)
    response = bob.post(url, data)
    assert response.status_code == 200
    assert "Cette fiche a été modifiée par Alice Martin" in response.content.decode()
    assert Programme.objects.get(pk=programme.pk).title == "Deuxième version"
