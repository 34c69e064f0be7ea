"""Previews of unpublished entries: for the staff who reach them, marked, never cached nor indexed."""
import pytest
from django.urls import reverse

from editorial.roles import EDITORS, REVIEWERS
from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeActorFactory, ProgrammeFactory, UserFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    org_a, org_b = ActorFactory(), ActorFactory(name="Organisation B")
    draft = ProgrammeFactory(title="Appel en préparation", slug="appel-en-preparation", publication_state="draft")
    ProgrammeActorFactory(programme=draft, actor=org_b)
    hidden_partner = ActorFactory(name="Partenaire encore brouillon", publication_state="draft")
    ProgrammeActorFactory(programme=draft, actor=hidden_partner, role="partner")
    FundedProjectFactory(programme=draft, title="Projet non publié", publication_state="draft")
    return {"draft": draft, "org_b": org_b, "editor_a": staff_user(EDITORS, [org_a]),
            "editor_b": staff_user(EDITORS, [org_b]), "reviewer": staff_user(REVIEWERS)}


def preview(entry):
    opts = entry._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_preview", args=[entry.pk])


@pytest.mark.parametrize("who", ["editor_b", "reviewer"])
def test_the_preview_shows_the_draft_marked_and_never_cached(client, world, who):
    client.force_login(world[who])
    response = client.get(preview(world["draft"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Appel en préparation</h1>" in page and "Aperçu — non publié" in page and "Brouillon" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # Around the entry, what the public would see once it is published: no unpublished names.
    assert "Partenaire encore brouillon" not in page and "Projet non publié" not in page
    assert "Organisation B" in page


def test_the_preview_of_another_organisations_draft_is_404(client, world):
    client.force_login(world["editor_a"])
    response = client.get(preview(world["draft"]))
    assert response.status_code == 404 and "Appel en préparation" not in response.content.decode()


def test_anonymous_visitors_and_non_staff_accounts_are_sent_to_the_login_page(client, world):
    response = client.get(preview(world["draft"]))
    assert response.status_code == 302 and "/admin/login/" in response.url
    client.force_login(UserFactory(is_staff=False))
    response = client.get(preview(world["draft"]))
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_the_preview_of_a_published_entry_is_its_public_page(client, world):
    world["draft"].publication_state = "published"
    world["draft"].save()
    client.force_login(world["reviewer"])
    response = client.get(preview(world["draft"]))
    assert response.status_code == 302 and response.url == "/programmes/appel-en-preparation/"


def test_an_unknown_entry_has_no_preview(client, world):
    client.force_login(world["reviewer"])
    assert client.get(reverse("admin:programmes_programme_preview", args=[999999])).status_code == 404


def test_an_organisations_draft_record_is_previewed_too(client, world):
    world["org_b"].publication_state = "submitted"
    world["org_b"].save()
    client.force_login(world["editor_b"])
    response = client.get(preview(world["org_b"]))
    assert response.status_code == 200 and "Organisation B" in response.content.decode()
    assert "Aperçu — non publié" in response.content.decode()
    client.force_login(world["editor_a"])
    assert client.get(preview(world["org_b"])).status_code == 404


def test_the_change_form_links_a_draft_to_its_preview(client, world):
    client.force_login(world["editor_b"])
    page = client.get(reverse("admin:programmes_programme_change", args=[world["draft"].pk])).content.decode()
    assert 'class="viewsitelink"' in page
    shortcut = client.get(page.split('class="viewsitelink"')[0].rsplit('href="', 1)[1].split('"')[0])
    assert shortcut.status_code == 302 and shortcut.url == preview(world["draft"])
