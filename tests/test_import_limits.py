"""Imports are bounded (issue 22, part C item 7): files over IMPORT_MAX_BYTES or IMPORT_MAX_ROWS are
refused before they are read, wherever they come from, and a file with many problems lists the
first ones with a count of the rest."""
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from actors.imports import ACTORS
from editorial import jobs
from editorial.models import JobState, Upload
from programmes.dispositif_aide.importing import DISPOSITIFS
from programmes.imports import PROGRAMMES
from programmes.models import Programme
from tests.factories import ActorFactory, UserFactory
from tests.programmes.test_bulk_import import csv_of, row

pytestmark = pytest.mark.django_db
IMPORT_URL = "/admin/programmes/programme/import/"


@pytest.fixture
def operator(geography):
    return ActorFactory(slug="operateur", name="Opérateur")


@pytest.fixture
def admin_client(client, operator):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def upload(client, data):
    return client.post(IMPORT_URL, {"action": "preview", "file": SimpleUploadedFile("p.csv", data)})


def command(tmp_path, data, *args):
    path = tmp_path / "p.csv"
    path.write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_programmes", str(path), "--dry-run", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return f"{err.getvalue()}{exc}"
    return out.getvalue()


def test_a_file_over_the_size_limit_is_refused_everywhere(admin_client, settings, tmp_path):
    data = csv_of(*(row(f"p{i}") for i in range(20)))
    settings.IMPORT_MAX_BYTES = len(data) - 1
    response = upload(admin_client, data)
    assert response.status_code == 400 and "IMPORT_MAX_BYTES" in response.content.decode()
    plan = PROGRAMMES.plan(data)
    assert [str(p) for p in plan.problems] == [f"fichier : le fichier fait {len(data)} octets, {len(data) - 1} au plus (réglage IMPORT_MAX_BYTES) : découpez-le."]
    assert "IMPORT_MAX_BYTES, or --max-bytes" in command(tmp_path, data)
    assert "Dry run: 20 to create" in command(tmp_path, data, "--max-bytes", str(len(data)))
    assert not DISPOSITIFS.plan(b"[" + b" " * len(data) + b"]").ok


def test_a_file_over_the_row_limit_is_refused_before_its_rows_are_checked(admin_client, settings, tmp_path, django_assert_max_num_queries):
    settings.IMPORT_MAX_ROWS = 5
    data = csv_of(*(row(f"p{i}", kind="nope") for i in range(6)))  # every row invalid: none is checked
    with django_assert_max_num_queries(0):
        plan = PROGRAMMES.plan(data)
    assert [str(p) for p in plan.problems] == ["fichier : le fichier a plus de 5 lignes (réglage IMPORT_MAX_ROWS) : découpez-le."]
    response = upload(admin_client, data)
    assert response.status_code == 400 and "plus de 5 lignes" in response.content.decode()
    assert "plus de 5 lignes" in command(tmp_path, data)
    assert "type inconnu" in command(tmp_path, data, "--max-rows", "6")  # the override reads them
    assert PROGRAMMES.plan(csv_of(*(row(f"p{i}") for i in range(5)))).ok
    actors = b"slug,name,acronym,kind,kind_label,seat,seat_code,siren,website,description,source,page_url\r\n"
    assert "plus de 5 lignes" in str(ACTORS.plan(actors + b"a,A,,other,,,,,,,,\r\n" * 6).problems[0])
    records = [{"id": f"00000000-0000-0000-0000-00000000000{i}", "titre": f"T{i}"} for i in range(6)]
    assert "plus de 5 lignes" in str(DISPOSITIFS.plan(json.dumps(records).encode()).problems[0])


def test_the_job_applies_the_limits(operator, settings):
    user = UserFactory(is_staff=True, is_superuser=True)
    job = Upload.objects.create(token="t", kind="programmes", data=csv_of(*(row(f"p{i}") for i in range(6))), uploaded_by=user,
                                state=JobState.QUEUED)
    settings.IMPORT_MAX_ROWS = 5  # lowered between the preview and the job
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.state == JobState.FAILED and "plus de 5 lignes" in job.message
    assert not Programme.objects.exists()


def test_many_problems_list_the_first_hundred_and_count_the_rest(admin_client, tmp_path):
    data = csv_of(*(row(f"p{i}", kind="nope") for i in range(150)))
    response = upload(admin_client, data)
    html = response.content.decode()
    assert response.status_code == 400 and "150 problèmes" in html
    assert html.count("type inconnu « nope »") == 100 and "… et 50 autres problèmes." in html
    out = command(tmp_path, data)
    assert out.count("type inconnu") == 100 and "... and 50 more." in out
    user = UserFactory(is_staff=True, is_superuser=True)
    job = Upload.objects.create(token="t", kind="programmes", data=data, uploaded_by=user, state=JobState.QUEUED)
    jobs.run(job.pk)
    job.refresh_from_db()
    assert job.message.count("type inconnu") == 100 and "… et 50 autres problèmes." in job.message
