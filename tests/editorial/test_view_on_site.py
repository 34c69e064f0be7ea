"""/admin/r/<content type>/<id>/ ("view on site") redirects only to an entry the user may view:
its public page when published, else its preview."""
import pytest
from django.contrib.contenttypes.models import ContentType

from editorial.roles import EDITORS, REVIEWERS
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    org_a, org_b = ActorFactory(), ActorFactory()
    draft = ProgrammeFactory(slug="brouillon-de-b", publication_state="draft")
    ProgrammeActorFactory(programme=draft, actor=org_b)
    return {"draft": draft, "editor_a": staff_user(EDITORS, [org_a]), "editor_b": staff_user(EDITORS, [org_b]),
            "reviewer": staff_user(REVIEWERS)}


def shortcut_url(entry):
    return f"/admin/r/{ContentType.objects.get_for_model(entry).pk}/{entry.pk}/"


def test_another_organisations_draft_is_404(client, world):
    client.force_login(world["editor_a"])
    response = client.get(shortcut_url(world["draft"]))
    assert response.status_code == 404
    assert "brouillon-de-b" not in response.content.decode()


@pytest.mark.parametrize("who", ["editor_b", "reviewer"])
def test_a_draft_the_user_reaches_redirects_to_its_preview(client, world, who):
    client.force_login(world[who])
    response = client.get(shortcut_url(world["draft"]))
    assert response.status_code == 302 and response.url == f"/admin/programmes/programme/{world['draft'].pk}/preview/"
    assert client.get(response.url).status_code == 200


@pytest.mark.parametrize("who", ["editor_b", "reviewer"])
def test_a_published_entry_redirects_to_its_public_page(client, world, who):
    world["draft"].publication_state = "published"
    world["draft"].save()
    client.force_login(world[who])
    response = client.get(shortcut_url(world["draft"]))
    assert response.status_code == 302 and response.url.endswith("/programmes/brouillon-de-b/")


@pytest.mark.parametrize("path", ["/admin/r/abc/1/", "/admin/r/999999/1/", "/admin/r/{ct}/abc/", "/admin/r/{ct}/999999/", "/admin/r/{user_ct}/1/"])
def test_unknown_or_ungoverned_objects_are_404(client, world, path):
    client.force_login(world["reviewer"])
    programme_ct = ContentType.objects.get_for_model(world["draft"]).pk
    user_ct = ContentType.objects.get_for_model(world["reviewer"]).pk
    assert client.get(path.format(ct=programme_ct, user_ct=user_ct)).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(client, world):
    response = client.get(shortcut_url(world["draft"]))
    assert response.status_code == 302 and "/admin/login/" in response.url
