"""English pages mark the French entries `lang="fr"` and say once that entries are in French
(issue 24, item 6; WCAG 3.1.2); French pages need neither."""
import pytest

from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeActorFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db
NOTE = '<p class="entries-language">Directory entries (programmes, organisations, funded projects) are written in French.</p>'


@pytest.fixture
def entry():
    programme = ProgrammeFactory(title="Appel santé", summary="Résumé en français", description="Texte long", source="Note")
    ProgrammeActorFactory(programme=programme, actor=ActorFactory(name="Opérateur", description="Présentation"), role="runs")
    FundedProjectFactory(programme=programme, title="Projet pilote", beneficiary=ActorFactory(name="Bénéficiaire"))
    return programme


@pytest.mark.parametrize("path, marked", [
    ("/en/programmes/appel-sante/", ['<h1 lang="fr">Appel santé</h1>', '<p class="lead" lang="fr">Résumé en français</p>',
                                     '<div class="description" lang="fr">', 'lang="fr">Opérateur</a>', '<span lang="fr">Projet pilote</span>',
                                     '<span lang="fr">Note</span>']),
    ("/en/programmes/", ['<a href="/en/programmes/appel-sante/" lang="fr">Appel santé</a>', '<p lang="fr">Résumé en français</p>',
                         '<strong lang="fr">Opérateur</strong>']),
    ("/en/acteurs/operateur/", ['<h1 lang="fr">Opérateur</h1>', '<div class="description" lang="fr">',
                                '<a href="/en/programmes/appel-sante/" lang="fr">Appel santé</a>']),
    ("/en/acteurs/", ['<a href="/en/acteurs/operateur/" lang="fr">Opérateur</a>']),
    ("/en/projets/", ['<span lang="fr">Projet pilote</span>', 'lang="fr">Bénéficiaire</a>', 'lang="fr">Appel santé</a>']),
])
def test_english_pages_mark_entries_and_say_it_once(client, entry, path, marked):
    html = client.get(path).content.decode()
    assert html.count(NOTE) == 1
    for fragment in marked:
        assert fragment in html, fragment


@pytest.mark.parametrize("path", ["/programmes/appel-sante/", "/programmes/", "/acteurs/operateur/", "/acteurs/", "/projets/"])
def test_french_pages_need_neither(client, entry, path):
    html = client.get(path).content.decode()
    assert 'lang="fr"' not in html.split("<main", 1)[1] and "entries-language" not in html
