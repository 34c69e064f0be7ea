"""Admin CSV imports as background jobs: queue, run, progress page, failure, recovery, access."""
import datetime
import io
import socket
import subprocess
import sys
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from editorial import jobs
from editorial.models import JobState, Upload
from editorial.roles import EDITORS, REVIEWERS
from programmes.imports import programmes as programme_import
from programmes.models import Programme
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, staff_user
from tests.programmes.test_bulk_import import csv_of, row

URL = "admin:programmes_programme_import"


@pytest.fixture
def operator(geography):
    return ActorFactory(slug="operateur", name="Opérateur")


@pytest.fixture
def reviewer(client, operator):
    user = staff_user(REVIEWERS)
    client.force_login(user)
    return user


def preview(client, data):
    response = client.post(reverse(URL), {"action": "preview", "file": SimpleUploadedFile("p.csv", data)})
    assert response.status_code == 200, [str(p) for p in response.context["plan"].problems]
    return response.context["token"]


def confirm(client, token, **extra):
    response = client.post(reverse(URL), {"action": "confirm", "token": token, **extra})
    assert response.status_code == 303
    return response["Location"]


@pytest.mark.django_db
def test_confirm_runs_the_job_and_redirects_to_its_result(client, reviewer):
    page_url = confirm(client, preview(client, csv_of(row("un"), row("deux"))), publish="on")
    job = Upload.objects.get()
    assert (job.state, job.created_count, job.updated_count, job.data) == (JobState.DONE, 2, 0, b"")
    page = client.get(page_url)
    html = page.content.decode()
    assert "Import terminé : 2 créés, 0 mis à jour." in html and "2 / 2 lignes écrites" in html
    assert 'http-equiv="refresh"' not in html and 'id="header"' in html  # the admin's header, no more refreshing
    assert set(Programme.objects.values_list("publication_state", flat=True)) == {"published"}
    assert client.post(reverse(URL), {"action": "confirm", "token": job.token}).status_code == 400  # once


@pytest.mark.django_db
def test_a_queued_job_page_refreshes_until_run_imports_ran_it(client, reviewer, settings):
    settings.IMPORT_JOBS = "queue"
    page_url = confirm(client, preview(client, csv_of(row("un"))))
    waiting = client.get(page_url).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in waiting and "attend son tour" in waiting
    assert not Programme.objects.exists()
    call_command("run_imports", stdout=io.StringIO())
    assert "Import terminé : 1 créés, 0 mis à jour." in client.get(page_url).content.decode()
    assert Programme.objects.get().history.get().history_user == reviewer


@pytest.mark.django_db
def test_a_failing_job_shows_its_failure_and_writes_nothing(client, reviewer, monkeypatch):
    real = programme_import.save_programmes

    def write_then_fail(**kwargs):
        real(**kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(programme_import, "save_programmes", write_then_fail)
    page_url = confirm(client, preview(client, csv_of(row("un"), row("deux", theme_slugs="theme-inedit", themes="Inédit"))))
    html = unescape(client.get(page_url).content.decode())
    assert "L'import a échoué : rien n'a été enregistré." in html and 'http-equiv="refresh"' not in html
    assert Upload.objects.get().state == JobState.FAILED
    assert not Programme.objects.exists() and not Programme.history.exists()


@pytest.mark.django_db
def test_problems_found_when_the_job_runs_fail_it(client, operator):
    programme = ProgrammeFactory(slug="a-elle", title="À elle", publication_state="draft")  # an import by an editor cannot change a published one
    ProgrammeActorFactory(programme=programme, actor=operator)
    editor = staff_user(EDITORS, organisations=[operator])
    client.force_login(editor)
    token = preview(client, csv_of(row("a-elle", title="Changé")))
    operator.editors.remove(editor)  # the scope changed between the preview and the job
    html = client.get(confirm(client, token)).content.decode()
    assert "Le fichier contient des erreurs" in html and "appartient à une autre organisation" in html
    assert Programme.objects.get().title == "À elle"


@pytest.mark.django_db
def test_only_the_uploader_and_reviewers_see_a_job(client, reviewer, operator):
    page_url = confirm(client, preview(client, csv_of(row("un"))))
    job = Upload.objects.get()
    base = reverse("admin:programmes_programme_import_job", args=[job.pk])
    assert page_url == base
    assert client.get(base.replace(str(job.pk), str(job.pk + 1))).status_code == 404
    assert client.get(base.replace(f"{job.pk}/", "99999999999999999999999/")).status_code == 404
    assert client.get(base.replace(f"{job.pk}/", "abc/")).status_code in (302, 404)  # not a job URL
    assert client.get(reverse("admin:actors_actor_import_job", args=[job.pk])).status_code == 404  # another kind
    client.force_login(staff_user(EDITORS, organisations=[operator]))
    assert client.get(base).status_code == 404
    client.force_login(staff_user(REVIEWERS))
    assert client.get(base).status_code == 200
    client.logout()
    assert client.get(base).status_code == 302  # to the login page


@pytest.mark.django_db
def test_a_preview_is_not_a_job(client, reviewer):
    preview(client, csv_of(row("un")))
    assert client.get(reverse("admin:programmes_programme_import_job", args=[Upload.objects.get().pk])).status_code == 404


def dead_pid():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.django_db
def test_run_imports_fails_jobs_left_running_by_dead_processes(reviewer):
    host, now = socket.gethostname(), timezone.now()

    def job(token, worker, updated_at=now):
        return Upload.objects.create(token=token, kind="programmes", data=b"x", uploaded_by=reviewer,
                                     state=JobState.RUNNING, worker=worker, updated_at=updated_at)

    dead = job("dead", f"{host}:{dead_pid()}")
    job("alive", jobs.worker())
    job("elsewhere", "other-host:1")
    job("silent", "other-host:2", updated_at=now - datetime.timedelta(hours=2))
    call_command("run_imports", "--recover-only", stdout=io.StringIO())
    states = dict(Upload.objects.values_list("token", "state"))
    assert states == {"dead": "failed", "alive": "running", "elsewhere": "running", "silent": "failed"}
    dead.refresh_from_db()
    assert "interrompu" in dead.message and dead.data == b"" and dead.finished_at


@pytest.mark.django_db
def test_progress_is_readable_outside_the_import_transaction(reviewer):
    job = Upload.objects.create(token="t", kind="programmes", data=b"x", uploaded_by=reviewer, state=JobState.RUNNING, rows_total=10)
    progress = jobs.Progress(job.pk)
    assert progress.side is None  # inside the test's transaction: the cache only
    progress(5, 10)
    assert jobs.rows_done(job) == 5
    progress.close()
