"""The import job's page is an admin page whose title and one heading follow the job's state."""
import re

import pytest
from django.urls import reverse

from editorial.models import JobState, Upload
from editorial.roles import REVIEWERS
from tests.factories import staff_user

pytestmark = pytest.mark.django_db

HEADINGS = {
    JobState.QUEUED: "Import en attente",
    JobState.RUNNING: "Import en cours",
    JobState.DONE: "Import terminé",
    JobState.FAILED: "Import échoué",
}


@pytest.mark.parametrize("state", list(HEADINGS))
def test_title_and_heading_say_the_state(client, state):
    user = staff_user(REVIEWERS)
    job = Upload.objects.create(token="t", kind="programmes", data=b"", uploaded_by=user, state=state, rows_total=2,
                                rows_done=2 if state == JobState.DONE else 0, message="Ligne 2 : erreur")
    client.force_login(user)
    page = client.get(reverse("admin:programmes_programme_import_job", args=[job.pk])).content.decode()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip()
    assert title.startswith(f"{HEADINGS[state]} : programmes")
    assert re.findall(r"<h1[^>]*>(.*?)</h1>", page, re.S) == [HEADINGS[state]]
    assert 'id="header"' in page and "Annuaire santé — espace éditeurs" in page
    assert ('http-equiv="refresh"' in page) is (state in (JobState.QUEUED, JobState.RUNNING))
