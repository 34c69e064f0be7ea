"""A draft actor's name is not findable on public pages: neither in the programmes' or funded
projects' search text, nor in the search suggestions; publishing it makes it findable."""
import pytest
from django.urls import reverse

from editorial.models import PublicationState as S
from editorial.roles import REVIEWERS
from programmes.models import FundedProject, Programme
from search.models import Term
from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeActorFactory, ProgrammeFactory, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db):
    draft = ActorFactory(name="Zorglubien", publication_state=S.DRAFT)
    programme = ProgrammeFactory(title="Appel cardiologie")
    ProgrammeActorFactory(programme=programme, actor=draft)
    project = FundedProjectFactory(programme=programme, beneficiary=draft, title="Projet robotique")
    return {"draft": draft, "programme": programme, "project": project}


def test_a_draft_actors_name_is_not_in_the_search_text(client, world):
    assert not Programme.objects.search("zorglubien").exists()
    assert not FundedProject.objects.search("zorglubien").exists()
    assert "Appel cardiologie" not in client.get("/programmes/?q=zorglubien").content.decode()


def test_publishing_and_unpublishing_the_actor_reindexes_what_shows_it(client, world):
    client.force_login(staff_user(REVIEWERS))
    url = reverse("admin:actors_actor_changelist")
    client.post(url, {"action": "make_published", "_selected_action": [world["draft"].pk]})
    assert Programme.objects.search("zorglubien").get() == world["programme"]
    assert FundedProject.objects.search("zorglubien").get() == world["project"]
    client.post(url, {"action": "make_archived", "_selected_action": [world["draft"].pk]})
    assert not Programme.objects.search("zorglubien").exists()
    assert not FundedProject.objects.search("zorglubien").exists()


def test_the_suggestions_do_not_name_a_draft_actor_through_its_programmes(client, world):
    """The vocabulary of suggestions is fed by the programmes' and projects' search text."""
    Term.objects.filter(word__startswith="zorglub").delete()  # forget what the actor's own index remembered
    Programme.objects.filter(pk=world["programme"].pk).reindex()
    FundedProject.objects.filter(pk=world["project"].pk).reindex()
    assert not Term.objects.filter(word__startswith="zorglub").exists()


def test_the_suggestions_never_learn_a_drafts_own_words(world):
    """The actor's own index (and a draft programme's) feeds no suggestion until published."""
    draft_programme = ProgrammeFactory(title="Appel xylophonique", publication_state=S.DRAFT)
    Programme.objects.filter(pk=draft_programme.pk).reindex()
    assert not Term.objects.filter(word__startswith="zorglub").exists()
    assert not Term.objects.filter(word__startswith="xylophon").exists()
    Programme.objects.filter(pk=draft_programme.pk).update(publication_state=S.PUBLISHED)
    Programme.objects.filter(pk=draft_programme.pk).reindex()
    assert Term.objects.filter(word__startswith="xylophon").exists()
