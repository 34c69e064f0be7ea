"""History → restore: a change of the live entry under the policy; it never moves the publication state."""
import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from actors.models import Actor
from editorial.models import PublicationState as S
from editorial.roles import EDITORS, REVIEWERS
from editorial.workflow import transition
from programmes.models import Programme
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, admin_change_data, staff_user, stored_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    org, other = ActorFactory(name="Organisation A"), ActorFactory(name="Organisation B")
    users = {"editor": staff_user(EDITORS, [org]), "other_editor": staff_user(EDITORS, [other]), "reviewer": staff_user(REVIEWERS)}
    programme = ProgrammeFactory(title="Version publiée", publication_state=S.DRAFT)
    ProgrammeActorFactory(programme=programme, actor=org)
    transition(programme, S.PUBLISHED, user=users["reviewer"])
    published = programme.history.first()
    programme.title = "Version archivée"
    programme.save()
    transition(programme, S.ARCHIVED, user=users["reviewer"])
    return {"programme": programme, "published": published, "users": users, "org": org}


def restore_url(entry, record):
    opts = entry._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_simple_history", args=[entry.pk, record.history_id])


def post_restore(client, programme, record, **overrides):
    data = admin_change_data(Programme.objects.get(pk=programme.pk), title=record.title, **overrides)
    return client.post(restore_url(programme, record), data)


@pytest.mark.parametrize("who", ["editor", "reviewer"])
def test_restoring_a_published_version_keeps_the_entry_archived(client, world, who):
    programme, user = world["programme"], world["users"][who]
    client.force_login(user)
    page = client.get(restore_url(programme, world["published"]))
    assert page.status_code == 200
    assert "publication_state" not in page.context["adminform"].form.fields
    response = post_restore(client, programme, world["published"], publication_state=S.PUBLISHED)
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.title == "Version publiée"
    assert programme.publication_state == S.ARCHIVED
    assert not Programme.objects.published().filter(pk=programme.pk).exists()


@pytest.mark.parametrize("who", ["editor", "reviewer"])
def test_a_restore_writes_one_history_record_with_its_author_and_reason(client, world, who):
    programme, user = world["programme"], world["users"][who]
    client.force_login(user)
    before = programme.history.count()
    assert post_restore(client, programme, world["published"]).status_code == 302
    assert programme.history.count() == before + 1
    latest = programme.history.first()
    assert latest.history_user == user
    assert latest.history_change_reason.startswith("Restauration de la version du ")
    assert latest.publication_state == S.ARCHIVED and latest.title == "Version publiée"


def test_a_restore_keeps_the_search_index(client, world):
    programme = world["programme"]
    client.force_login(world["users"]["reviewer"])
    post_restore(client, programme, world["published"])
    assert Programme.objects.search("publiée").filter(pk=programme.pk).exists()


def test_another_organisations_editor_can_neither_see_nor_restore(client, world):
    programme = world["programme"]
    client.force_login(world["users"]["other_editor"])
    assert client.get(restore_url(programme, world["published"])).status_code == 404
    assert post_restore(client, programme, world["published"]).status_code == 404
    programme.refresh_from_db()
    assert programme.title == "Version archivée"


def test_a_read_only_account_cannot_restore(client, world):
    reader = staff_user(organisations=[world["org"]])
    reader.user_permissions.add(Permission.objects.get(codename="view_programme"))
    client.force_login(reader)
    programme = world["programme"]
    assert client.get(restore_url(programme, world["published"])).status_code == 200
    assert post_restore(client, programme, world["published"]).status_code == 403
    programme.refresh_from_db()
    assert programme.title == "Version archivée"


@pytest.mark.parametrize("version", ["abc", "999999999", "1.5"])
def test_an_unknown_version_is_404(client, world, version):
    client.force_login(world["users"]["reviewer"])
    url = reverse("admin:programmes_programme_history", args=[world["programme"].pk]) + f"{version}/"
    assert client.get(url).status_code == 404


def test_an_editor_restoring_its_actor_keeps_its_state(client, world):
    actor = world["org"]
    Actor.objects.filter(pk=actor.pk).update(name="Ancien nom")
    actor.refresh_from_db()
    actor.name = "Nouveau nom"
    actor.save()
    Actor.objects.filter(pk=actor.pk).update(publication_state=S.ARCHIVED)
    old = actor.history.last()
    client.force_login(world["users"]["editor"])
    data = {"name": old.name, "acronym": "", "slug": actor.slug, "kind": actor.kind, "seat": "", "siren": "", "website": "",
            "description": "", "source": "", "publication_state": S.PUBLISHED, "edit_version": stored_version(actor)}
    assert client.post(restore_url(actor, old), data).status_code == 302
    actor.refresh_from_db()
    assert actor.publication_state == S.ARCHIVED
    assert actor.history.first().history_change_reason.startswith("Restauration")
