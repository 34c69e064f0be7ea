"""An editor edits and submits a draft; a reviewer publishes it; the public sees it."""
import pytest

from actors.models import Actor
from editorial.roles import EDITORS, REVIEWERS
from programmes.models import Programme
from tests.factories import ProgrammeActorFactory, ProgrammeFactory, staff_user

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"


def log_in(page, base, username):
    page.goto(base + "/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base + "/admin/")


def test_editor_submits_and_reviewer_publishes(page, demo_live):
    base = demo_live.url
    rennes = Actor.objects.get(slug="rennes-metropole")
    draft = ProgrammeFactory(title="Appel e-santé rennais", slug="appel-e-sante-rennais", publication_state="draft")
    draft.territories.add(rennes.seat)
    ProgrammeActorFactory(programme=draft, actor=rennes)
    staff_user(EDITORS, [rennes], username="editrice")
    staff_user(REVIEWERS, username="relecteur")
    assert page.goto(base + "/programmes/appel-e-sante-rennais/").status == 404

    log_in(page, base, "editrice")
    page.goto(base + f"/admin/programmes/programme/{draft.pk}/change/")
    page.fill("#id_title", "Appel e-santé rennais 2027")
    page.select_option("#id_publication_state", "submitted")
    assert page.locator("#id_publication_state option[value=published]").count() == 0
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/programmes/programme/")
    assert Programme.objects.get(pk=draft.pk).publication_state == "submitted"
    page.click("#logout-form button")

    log_in(page, base, "relecteur")
    assert "En attente de relecture" in page.content()
    page.goto(base + "/admin/programmes/programme/?publication_state__exact=submitted")
    page.check(f"input[name=_selected_action][value='{draft.pk}']")
    page.select_option("select[name=action]", "make_published")
    page.click("button[name=index]")
    page.wait_for_load_state()
    assert Programme.objects.get(pk=draft.pk).publication_state == "published"

    page.goto(base + "/programmes/?region=53")
    assert "Appel e-santé rennais 2027" in page.content()
    page.goto(base + "/programmes/appel-e-sante-rennais/")
    assert page.locator("h1").inner_text() == "Appel e-santé rennais 2027"
