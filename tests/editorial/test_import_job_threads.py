"""Import jobs in a thread of their own and their progress, across real transactions.

Transactional tests, in a module of their own: `make test` runs such modules after every other
test of their worker (tests/conftest.py)."""
import threading

import pytest
from django.db import connection, transaction

from editorial import jobs
from editorial.models import JobState, Upload
from editorial.roles import REVIEWERS
from programmes.models import Programme
from tests.editorial.test_import_jobs import confirm, preview
from tests.factories import ActorFactory, staff_user
from tests.programmes.test_bulk_import import csv_of, row


@pytest.mark.django_db(transaction=True)
def test_the_thread_runs_the_job_and_commits_its_progress(client, geography, settings):
    settings.IMPORT_JOBS = "thread"
    ActorFactory(slug="operateur", name="Opérateur")
    user = staff_user(REVIEWERS)
    client.force_login(user)
    page_url = confirm(client, preview(client, csv_of(*[row(f"p{i}") for i in range(3)])))
    # Joined before this thread queries again: the in-memory SQLite test database is one
    # shared-cache connection pool, whose table locks fail at once instead of waiting.
    for thread in threading.enumerate():
        if thread.name.startswith("import-job-"):
            thread.join(timeout=60)
    job = Upload.objects.get()
    html = client.get(page_url).content.decode()
    assert "Import terminé : 3 créés, 0 mis à jour." in html
    assert Programme.objects.count() == 3
    assert Programme.objects.search("p1").exists()
    job.refresh_from_db()
    assert (job.state, job.rows_done, job.worker) == (JobState.DONE, 3, jobs.worker())


@pytest.mark.django_db(transaction=True)
def test_progress_is_committed_while_the_import_transaction_is_open(django_user_model):
    user = django_user_model.objects.create(username="u")
    job = Upload.objects.create(token="t", kind="programmes", data=b"x", uploaded_by=user, state=JobState.RUNNING, rows_total=10)
    progress = jobs.Progress(job.pk)
    with transaction.atomic():  # the import's transaction
        progress(7, 10)
        stored = Upload.objects.get(pk=job.pk).rows_done
    progress.close()
    # PostgreSQL: committed by a second connection, seen by every process; SQLite: in the cache only.
    assert stored == (7 if connection.vendor == "postgresql" else 0)
    assert jobs.rows_done(Upload.objects.get(pk=job.pk)) == 7
