"""Publication workflow transitions and who may do each."""
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from editorial.models import PublicationState as S
from editorial.roles import EDITORS, REVIEWERS
from editorial.workflow import TRANSITIONS, allowed_targets, transition
from programmes.models import Programme
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, staff_user

pytestmark = pytest.mark.django_db

EDITOR_MOVES = {(S.DRAFT, S.SUBMITTED), (S.SUBMITTED, S.DRAFT)}


@pytest.fixture
def users(db):
    org = ActorFactory()
    return {"editor": staff_user(EDITORS, [org]), "reviewer": staff_user(REVIEWERS), "admin": staff_user(is_superuser=True), "org": org}


@pytest.mark.parametrize("source, target", sorted(TRANSITIONS))
@pytest.mark.parametrize("who", ["editor", "reviewer", "admin"])
def test_each_transition_by_each_role(users, who, source, target):
    programme = ProgrammeFactory(publication_state=source)
    allowed = who != "editor" or (source, target) in EDITOR_MOVES
    if allowed:
        transition(programme, target, user=users[who])
        programme.refresh_from_db()
        assert programme.publication_state == target
    else:
        with pytest.raises(PermissionDenied):
            transition(programme, target, user=users[who])
        programme.refresh_from_db()
        assert programme.publication_state == source


def test_publishing_records_who_and_when(users):
    programme = ProgrammeFactory(publication_state=S.SUBMITTED)
    transition(programme, S.PUBLISHED, user=users["reviewer"])
    programme.refresh_from_db()
    assert programme.published_by == users["reviewer"] and programme.published_at is not None


def test_editor_form_offers_only_draft_and_submitted(users):
    assert allowed_targets(users["editor"], Programme, S.DRAFT) == [S.DRAFT, S.SUBMITTED]
    assert allowed_targets(users["editor"], Programme, S.PUBLISHED) == [S.PUBLISHED]


def test_admin_actions_submit_then_publish(client, users):
    programme = ProgrammeFactory(publication_state=S.DRAFT)
    ProgrammeActorFactory(programme=programme, actor=users["org"])
    url = reverse("admin:programmes_programme_changelist")
    client.force_login(users["editor"])
    client.post(url, {"action": "make_published", "_selected_action": [programme.pk]})
    programme.refresh_from_db()
    assert programme.publication_state == S.DRAFT  # editors cannot publish
    client.post(url, {"action": "make_submitted", "_selected_action": [programme.pk]})
    programme.refresh_from_db()
    assert programme.publication_state == S.SUBMITTED
    client.force_login(users["reviewer"])
    waiting = client.get(url + "?publication_state__exact=submitted").context["cl"].result_list
    assert list(waiting) == [programme]
    client.post(url, {"action": "make_published", "_selected_action": [programme.pk]})
    programme.refresh_from_db()
    assert programme.publication_state == S.PUBLISHED and programme.published_by == users["reviewer"]


def test_dashboard_counts_waiting_and_stale(client, users):
    import datetime

    ProgrammeFactory(publication_state=S.SUBMITTED, website="https://x.example")
    ProgrammeFactory(deadline=datetime.date(2020, 1, 1), website="https://y.example", last_verified_on=timezone.localdate())
    client.force_login(users["reviewer"])
    page = client.get(reverse("admin:index")).content.decode()
    assert "En attente de relecture" in page
    assert "Date limite passée mais toujours publié" in page
    response = client.get(reverse("admin:programmes_programme_changelist") + "?freshness=deadline_passed")
    assert len(response.context["cl"].result_list) == 1


def test_mark_as_verified_today(client, users):
    programme = ProgrammeFactory()
    client.force_login(users["admin"])
    client.post(reverse("admin:programmes_programme_changelist"), {"action": "mark_verified", "_selected_action": [programme.pk]})
    programme.refresh_from_db()
    # The directory's day is Paris's (TIME_ZONE), not the machine's UTC date.
    assert programme.last_verified_on == timezone.localdate()


def test_groups_exist_after_migrate(db):
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= {EDITORS, REVIEWERS}
    reviewers = Group.objects.get(name=REVIEWERS)
    assert reviewers.permissions.filter(codename="publish_programme").exists()
    assert not Group.objects.get(name=EDITORS).permissions.filter(codename="publish_programme").exists()
