"""'Vouliez-vous dire …' offers only words of published entries, whatever happened to the entry
that had the word: never published, unpublished, archived, deleted (one or in bulk) or edited."""
import pytest
from django.urls import reverse

from actors.models import Actor
from editorial.models import PublicationState as S
from editorial.roles import REVIEWERS
from programmes.models import FundedProject, Programme
from programmes.services import save_programme
from search.models import Term
from search.suggestions import suggest
from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeFactory, staff_user

pytestmark = pytest.mark.django_db

TYPO, WORD = "xylophoniqe", "xylophonique"


@pytest.fixture
def published(db):
    ProgrammeFactory(title="Appel cardiologie")
    return ProgrammeFactory(title="Appel xylophonique")


def test_a_word_only_in_a_draft_is_never_suggested(client):
    draft = ProgrammeFactory(title="Appel xylophonique", publication_state=S.DRAFT)
    save_programme(programme=draft)
    assert suggest(TYPO) is None
    assert WORD not in client.get(reverse("programmes:list"), {"q": TYPO}).content.decode()


def test_a_word_is_suggested_once_its_entry_is_published(client):
    draft = ProgrammeFactory(title="Appel xylophonique", publication_state=S.DRAFT)
    draft.publication_state = S.PUBLISHED
    save_programme(programme=draft)
    assert suggest(TYPO) == WORD
    assert WORD in client.get(reverse("programmes:list"), {"q": TYPO}).content.decode()  # offered or used


@pytest.mark.parametrize("state", [S.DRAFT, S.SUBMITTED, S.ARCHIVED])
def test_unpublishing_by_a_save_forgets_the_word(published, state):
    assert suggest(TYPO) == WORD
    published.publication_state = state
    save_programme(programme=published)
    assert suggest(TYPO) is None


def test_unpublishing_by_a_queryset_update_forgets_the_word(published):
    """No reindex at all: the vocabulary must not depend on one."""
    assert suggest(TYPO) == WORD
    Programme.objects.filter(pk=published.pk).update(publication_state=S.ARCHIVED)
    assert suggest(TYPO) is None


def test_archiving_with_the_admin_action_forgets_the_word(client, published):
    client.force_login(staff_user(REVIEWERS))
    client.post(reverse("admin:programmes_programme_changelist"),
                {"action": "make_archived", "_selected_action": [published.pk]})
    assert Programme.objects.get(pk=published.pk).publication_state == S.ARCHIVED
    assert suggest(TYPO) is None


def test_deleting_the_entry_forgets_the_word(published):
    published.delete()
    assert suggest(TYPO) is None


def test_deleting_in_bulk_forgets_the_word(published):
    Programme.objects.filter(title__startswith="Appel").delete()
    assert suggest(TYPO) is None
    assert suggest("cardiologi") is None


def test_an_edit_removing_the_word_forgets_it_and_learns_the_new_one(published):
    published.title = "Appel orthophonique"
    save_programme(programme=published)
    assert suggest(TYPO) is None
    assert suggest("orthophoniqe") == "orthophonique"


def test_a_word_stays_while_another_published_entry_has_it(published):
    other = ProgrammeFactory(title="Concours xylophonique")
    published.delete()
    assert suggest(TYPO) == WORD
    Programme.objects.filter(pk=other.pk).update(publication_state=S.DRAFT)
    assert suggest(TYPO) is None


def test_a_word_of_another_searchable_model_counts_while_it_is_published(db):
    actor = ActorFactory(name="Institut xylophonique")
    Actor.objects.filter(pk=actor.pk).reindex()
    assert suggest(TYPO) == WORD
    Actor.objects.filter(pk=actor.pk).update(publication_state=S.ARCHIVED)
    assert suggest(TYPO) is None
    project = FundedProjectFactory(title="Projet xylophonique")
    FundedProject.objects.filter(pk=project.pk).reindex()
    assert suggest(TYPO) == WORD
    project.delete()
    assert suggest(TYPO) is None


def test_a_forgotten_word_is_learnt_again_when_republished(published):
    Programme.objects.filter(pk=published.pk).update(publication_state=S.DRAFT)
    assert suggest(TYPO) is None
    assert not Term.objects.filter(word=WORD).exists()  # dropped when found stale
    published.refresh_from_db()
    published.publication_state = S.PUBLISHED
    save_programme(programme=published)
    assert suggest(TYPO) == WORD


def test_the_nearest_public_word_is_offered_when_a_nearer_one_is_stale(db):
    ProgrammeFactory(title="Appel xylophonique", publication_state=S.PUBLISHED)
    stale = ProgrammeFactory(title="Appel xylophoniqe")
    Programme.objects.filter(pk=stale.pk).update(publication_state=S.DRAFT)
    assert suggest("xylophoniqe ") is None  # typed exactly: the stale word is 'known', no suggestion leaks
    assert suggest("xylophonqe") == WORD


def test_checking_the_word_costs_a_query_or_two(published, django_assert_max_num_queries):
    """The vocabulary, its candidates, then one lookup of the public search (SET/RESET around it
    on PostgreSQL): programmes are asked first."""
    with django_assert_max_num_queries(5):
        assert suggest(TYPO) == WORD
