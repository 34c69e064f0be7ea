"""The editors' admin pages in a real browser, on a phone and a laptop: no sideways scrolling,
and no serious or critical accessibility violation (axe-core, run in the page)."""

import pytest

from editorial.models import JobState, Upload
from editorial.roles import EDITORS
from editorial.workflow import transition
from tests.browser.pages import page_problems
from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeActorFactory, ProgrammeFactory, staff_user

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
VIEWPORTS = {"phone": (390, 844), "laptop": (1366, 900)}


@pytest.fixture
def entry(live_server, transactional_db):
    org = ActorFactory(name="Rennes Métropole", slug="rennes-metropole")
    programme = ProgrammeFactory(
        title="Appel à projets e-santé des territoires bretons pour l'innovation en soins primaires",
        slug="appel-e-sante", publication_state="draft", summary="Un appel pour les soins primaires.",
        website="https://exemple.fr/un/tres/long/chemin/vers/la/page/de/l-appel/a/projets/e-sante/2027/reglement.pdf",
    )
    ProgrammeActorFactory(programme=programme, actor=org)
    FundedProjectFactory(programme=programme, title="Téléconsultation en officine", beneficiary=org)
    editor = staff_user(EDITORS, [org], username="editrice", first_name="Émilie", last_name="Le Goff")
    programme.description = "Une description bien plus longue, modifiée par l'éditrice. " * 6
    programme._history_user = editor
    programme.save()
    transition(programme, "submitted", user=editor)
    Upload.objects.create(token="t", kind="programmes", data=b"", uploaded_by=editor, state=JobState.DONE, rows_total=3, rows_done=3)
    return programme


def logged_in_page(browser, base, size):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(base + "/admin/login/?next=/admin/")
    page.fill("#id_username", "editrice")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base + "/admin/")
    return context, page


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_change_history_preview_and_import_pages_fit_and_are_accessible(browser, live_server, entry, viewport):
    context, page = logged_in_page(browser, live_server.url, VIEWPORTS[viewport])
    admin = f"/admin/programmes/programme/{entry.pk}"
    try:
        version = entry.history.last().history_id
        job = Upload.objects.get().pk
        for path in [f"{admin}/change/", f"{admin}/history/", f"{admin}/history/{version}/", f"{admin}/preview/",
                     f"/admin/programmes/programme/import/{job}/"]:
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            assert page_problems(page, path, impacts=("serious", "critical")) == [], viewport
        page.goto(live_server.url + f"{admin}/history/")
        assert "Soumis pour relecture" in page.locator("#change-history").inner_text()
    finally:
        context.close()
