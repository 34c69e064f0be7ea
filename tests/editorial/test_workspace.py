"""Issue 22 C: the editors' workspace without rough edges (items 1, 2, 3, 5, 8, 9)."""
import datetime
import importlib
import re
import socket
import subprocess
import sys

import pytest
from django.apps import apps
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from editorial import jobs, revisions
from editorial.models import JobState, Revision, Upload
from editorial.models import PublicationState as S
from editorial.roles import EDITORS, REVIEWERS
from editorial.text import word_diff
from programmes.models import Programme
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, admin_change_data, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    org, other = ActorFactory(name="Organisation A"), ActorFactory(name="Organisation B")
    programme = ProgrammeFactory(title="Programme publié", description="Une description courte.\nSur deux lignes.")
    ProgrammeActorFactory(programme=programme, actor=org)
    return {"programme": programme, "org": org, "other": other, "editor": staff_user(EDITORS, [org]),
            "other_editor": staff_user(EDITORS, [other]), "reviewer": staff_user(REVIEWERS)}


def change_url(programme):
    return reverse("admin:programmes_programme_change", args=[programme.pk])


def live(programme):
    return Programme.objects.get(pk=programme.pk)


# 1. The reviewer's dashboard counts pending revisions and links them.

def test_the_dashboard_counts_and_links_pending_revisions(client, world):
    revisions.propose_values(world["programme"], {"title": "Titre proposé"}, user=world["editor"])
    client.force_login(world["reviewer"])
    page = client.get(reverse("admin:index")).content.decode()
    link = reverse("admin:editorial_revision_changelist") + "?state__exact=pending"
    assert re.search(rf'<a href="{re.escape(link)}">Modifications en attente de relecture</a></th><td>1</td>', page)


# 2. Line endings are LF on save and in the stored data; diffs are word by word.

def test_a_form_saved_with_crlf_stores_lf(client, world):
    client.force_login(world["reviewer"])
    data = admin_change_data(live(world["programme"]), description="Ligne 1\r\nLigne 2\rLigne 3", summary="Résumé\r\nsuite")
    assert client.post(change_url(world["programme"]), data).status_code == 302
    programme = live(world["programme"])
    assert (programme.description, programme.summary) == ("Ligne 1\nLigne 2\nLigne 3", "Résumé\nsuite")


def test_crlf_alone_is_no_proposed_change(client, world):
    client.force_login(world["editor"])
    programme = live(world["programme"])
    data = admin_change_data(programme, title="Nouveau titre", description=programme.description.replace("\n", "\r\n"))
    assert client.post(change_url(programme), data).status_code == 302
    assert Revision.objects.get().data["fields"] == {"title": "Nouveau titre"}


def test_the_data_migration_turns_stored_crlf_into_lf(world):
    programme = world["programme"]
    Programme.objects.filter(pk=programme.pk).update(description="a\r\nb\rc")
    Programme.history.filter(id=programme.pk).update(description="x\r\ny")
    importlib.import_module("programmes.migrations.0015_lf_line_endings").forwards(apps, None)
    assert live(programme).description == "a\nb\nc"
    assert set(Programme.history.filter(id=programme.pk).values_list("description", flat=True)) == {"x\ny"}


def test_words_are_diffed_one_by_one():
    assert word_diff("Une description courte.", "Une description longue.") == [
        ("same", "Une description "), ("removed", "courte."), ("added", "longue.")]


def test_the_revision_and_history_pages_mark_changed_words_only(client, world):
    programme = world["programme"]
    client.force_login(world["editor"])
    data = admin_change_data(live(programme), description="Une description longue.\nSur deux lignes.")
    client.post(change_url(programme), data)
    client.force_login(world["reviewer"])
    revision_url = reverse("admin:editorial_revision_change", args=[Revision.objects.get().pk])
    page = client.get(revision_url).content.decode()
    assert "<del>courte.</del>" in page and "<ins>longue.</ins>" in page and "<del>Une" not in page
    client.post(revision_url, {"decision": "approve"})
    history = client.get(reverse("admin:programmes_programme_history", args=[programme.pk])).content.decode()
    assert "<del>courte.</del>" in history and "<ins>longue.</ins>" in history


# 3. A restore says which version was restored, or proposed.

def restore(client, programme, record):
    url = reverse("admin:programmes_programme_simple_history", args=[programme.pk, record.history_id])
    response = client.post(url, admin_change_data(live(programme), title=record.title))
    assert response.status_code == 302 and response["Location"] == change_url(programme)
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize("who, says", [("reviewer", "a été restaurée"), ("editor", "est proposée")])
def test_a_restore_names_the_version(client, world, who, says):
    programme = world["programme"]
    old = programme.history.first()
    programme.title = "Titre plus récent"
    programme.save()
    client.force_login(world[who])
    date = timezone.localtime(old.history_date).strftime("%Y")
    [message] = restore(client, programme, old)
    assert says in message and date in message and "« Titre plus récent »" in message
    assert "modifié avec succès" not in message
    assert (live(programme).title == "Programme publié") is (who == "reviewer")


# 5. django-simple-history's fields in French.

def test_the_role_history_speaks_french(client, world):
    client.force_login(world["reviewer"])
    page = client.get(reverse("admin:programmes_historicalprogrammeactor_changelist")).content.decode()
    for english in ("history date", "history type", "history user", "history_date<", "history_type<"):
        assert english not in page.lower()
    assert "Par action" in page and "Version du" in page


# 8. A job whose worker was killed is seen dead by its own page.

def job_page(client, job):
    return client.get(reverse("admin:programmes_programme_import_job", args=[job.pk])).content.decode()


def running_job(user, worker, **fields):
    return Upload.objects.create(token=worker, kind="programmes", data=b"x", uploaded_by=user,
                                 state=JobState.RUNNING, worker=worker, **fields)


def test_the_job_page_sees_a_killed_worker(client, world):
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    job = running_job(world["reviewer"], f"{socket.gethostname()}:{process.pid}")
    client.force_login(world["reviewer"])
    page = job_page(client, job)
    assert "Import échoué" in page and "interrompu" in page and "l'import continue" not in page
    assert Upload.objects.get(pk=job.pk).state == JobState.FAILED


def test_the_job_page_sees_a_silent_job_elsewhere_and_trusts_a_heartbeat(client, world, settings):
    settings.IMPORT_JOB_SILENT_SECONDS = 60
    old = timezone.now() - datetime.timedelta(minutes=5)
    silent = running_job(world["reviewer"], "other-host:1", updated_at=old)
    beating = running_job(world["reviewer"], "other-host:2", updated_at=old)
    client.force_login(world["reviewer"])
    with jobs.Heartbeat(beating.pk):
        assert "Import en cours" in job_page(client, beating)
    assert "Import échoué" in job_page(client, silent)


# 9. A draft slug of another organisation is never revealed.

def test_an_editor_gets_a_free_slug_instead_of_learning_of_a_hidden_draft(client, world):
    hidden = ProgrammeFactory(slug="projet-secret", publication_state=S.DRAFT)
    ProgrammeActorFactory(programme=hidden, actor=world["other"])
    client.force_login(world["editor"])
    programme = ProgrammeFactory(publication_state=S.DRAFT)
    ProgrammeActorFactory(programme=programme, actor=world["org"])
    response = client.post(change_url(programme), admin_change_data(live(programme), slug="projet-secret"))
    assert response.status_code == 302
    assert live(programme).slug == "projet-secret-2"
    # A slug the editor may see is still refused, by name.
    response = client.post(change_url(programme), admin_change_data(live(programme), slug=world["programme"].slug))
    assert response.status_code == 200 and "existe déjà" in response.content.decode()
