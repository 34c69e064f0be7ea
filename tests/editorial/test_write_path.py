"""Issue 22 A: every write goes through a service: one history record and one search refresh each.

Counted for the admin's change form, a workflow action, a revision approval and a restore."""
import pytest
from django.urls import reverse

from editorial import registry
from editorial.models import PublicationState as S
from editorial.models import Revision
from editorial.roles import EDITORS, REVIEWERS
from programmes.models import Programme, ProgrammeQuerySet
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, ThemeFactory, admin_change_data, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reindexed(monkeypatch):
    """The ids of each `ProgrammeQuerySet.reindex` call, one list per call."""
    calls, real = [], ProgrammeQuerySet.reindex

    def spy(queryset):
        calls.append(sorted(queryset.values_list("id", flat=True)))
        return real(queryset)

    monkeypatch.setattr(ProgrammeQuerySet, "reindex", spy)
    return calls


@pytest.fixture
def world(db):
    org = ActorFactory(name="Organisation A")
    programme = ProgrammeFactory(title="Titre d'origine", publication_state=S.DRAFT)
    ProgrammeActorFactory(programme=programme, actor=org)
    return {"programme": programme, "editor": staff_user(EDITORS, [org]), "reviewer": staff_user(REVIEWERS)}


def change_url(programme):
    return reverse("admin:programmes_programme_change", args=[programme.pk])


def history_count(programme):
    return Programme.history.filter(id=programme.pk).count()


def test_an_admin_change_writes_one_record_and_refreshes_once(client, world, reindexed):
    programme, theme = world["programme"], ThemeFactory(name="Oncologie")
    client.force_login(world["editor"])
    before = history_count(programme)
    data = admin_change_data(Programme.objects.get(pk=programme.pk), title="Titre changé", themes=[theme.pk])
    assert client.post(change_url(programme), data).status_code == 302
    assert history_count(programme) == before + 1
    assert reindexed == [[programme.pk]]
    assert Programme.objects.search("changé").get() == programme


def test_an_admin_addition_writes_one_record_and_refreshes_once(client, world, reindexed):
    client.force_login(world["reviewer"])
    data = admin_change_data(world["programme"], title="Nouveau programme", slug="nouveau-programme", edit_version="")
    data.update({"roles-0-id": "", "roles-0-programme": "", "roles-INITIAL_FORMS": "0"})
    assert client.post(reverse("admin:programmes_programme_add"), data).status_code == 302
    created = Programme.objects.get(slug="nouveau-programme")
    assert [record.history_type for record in created.history.all()] == ["+"]
    assert reindexed == [[created.pk]]
    assert created.roles.count() == 1


def test_a_workflow_action_writes_one_record_and_refreshes_once(client, world, reindexed):
    programme = world["programme"]
    client.force_login(world["reviewer"])
    before = history_count(programme)
    url = reverse("admin:programmes_programme_changelist")
    client.post(url, {"action": "make_published", "_selected_action": [programme.pk]})
    programme.refresh_from_db()
    assert programme.publication_state == S.PUBLISHED
    assert history_count(programme) == before + 1 and programme.history.first().history_user == world["reviewer"]
    assert reindexed == [[programme.pk]]


def test_an_approval_writes_one_record_and_refreshes_once(client, world, reindexed):
    programme = world["programme"]
    programme.publication_state = S.PUBLISHED
    programme.save()
    client.force_login(world["editor"])
    data = admin_change_data(Programme.objects.get(pk=programme.pk), title="Titre proposé")
    assert client.post(change_url(programme), data).status_code == 302
    assert reindexed == []  # held: nothing written
    before = history_count(programme)
    client.force_login(world["reviewer"])
    response = client.post(reverse("admin:editorial_revision_change", args=[Revision.objects.get().pk]), {"decision": "approve"})
    assert response.status_code == 302
    assert Programme.objects.get(pk=programme.pk).title == "Titre proposé"
    assert history_count(programme) == before + 1
    assert reindexed == [[programme.pk]]


def test_a_restore_writes_one_record_and_refreshes_once(client, world, reindexed):
    programme = world["programme"]
    old = programme.history.first()
    programme.title = "Titre plus récent"
    programme.save()
    client.force_login(world["editor"])
    before = history_count(programme)
    url = reverse("admin:programmes_programme_simple_history", args=[programme.pk, old.history_id])
    data = admin_change_data(Programme.objects.get(pk=programme.pk), title=old.title)
    assert client.post(url, data).status_code == 302
    assert Programme.objects.get(pk=programme.pk).title == "Titre d'origine"
    assert history_count(programme) == before + 1
    assert reindexed == [[programme.pk]]


def test_approval_is_the_service_each_app_registered():
    assert registry.services_for(Programme).apply_revision.__module__ == "programmes.services"
    with pytest.raises(LookupError):
        registry.services_for(Revision)
