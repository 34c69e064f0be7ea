"""The analyser, the query language, highlights and suggestions, on entries made for the purpose."""
import pytest
from django.urls import reverse

from actors.models import Actor
from programmes.filters import filter_programmes
from programmes.models import FundedProject
from search.analysis import index_text, terms
from search.highlight import Matcher, extract, highlight
from search.query import parse, to_fts5, to_tsquery
from search.suggestions import distance, suggest
from tests.factories import ActorFactory, FundedProjectFactory, ProgrammeActorFactory, ProgrammeFactory


def titles(query):
    return {p.title for p in filter_programmes({"q": query}).qs}


@pytest.fixture
def entries(db):
    ProgrammeFactory(title="Diagnostic et secrétariat", summary="Pour les étudiants des laboratoires")
    ProgrammeFactory(title="Appel IA et santé")
    ProgrammeFactory(title="Concours i-Lab")
    ProgrammeFactory(title="Accélérateur Innov'up")
    ProgrammeFactory(title="Concours i-Nov")
    ProgrammeFactory(title="Innovation en e-santé", description="Financer la télésanté")
    ProgrammeFactory(title="Financement des plateformes")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("IA", {"Appel IA et santé"}),
        ("intelligence artificielle", {"Appel IA et santé"}),
        ("i-Lab", {"Concours i-Lab"}),
        ("innovup", {"Accélérateur Innov'up"}),
        ("innov'up", {"Accélérateur Innov'up"}),
        ("innov up", {"Accélérateur Innov'up"}),
        ("i-nov", {"Concours i-Nov"}),
        ("esante", {"Innovation en e-santé"}),
        ("e santé", {"Innovation en e-santé"}),
        ("plateforme", {"Financement des plateformes"}),
        ("financer", {"Financement des plateformes", "Innovation en e-santé"}),
        ("TELESANTE", {"Innovation en e-santé"}),
        ("concours -lab", {"Concours i-Nov"}),
        ('"concours i nov"', {"Concours i-Nov"}),
        ("lab OU nov", {"Concours i-Lab", "Concours i-Nov"}),
        ("lab OR nov", {"Concours i-Lab", "Concours i-Nov"}),
        ("diagn", {"Diagnostic et secrétariat"}),  # a half-typed last word
        ("laboratoire", {"Diagnostic et secrétariat"}),
    ],
)
def test_words_stems_compounds_and_operators(entries, query, expected):
    assert titles(query) == expected


def test_words_are_words_not_substrings():
    assert "ia" not in terms("diagnostic secrétariat étudiants")
    assert "lab" not in index_text("laboratoires").split()
    assert terms("Innov'up") == ["innov", "up", "innovup"]
    assert index_text("Les plateformes de télésanté") == index_text("plateforme telesante")


def test_query_language_is_written_for_both_databases():
    query = parse('"données de santé" -cancer i-Nov OU innovup platef')
    assert to_tsquery(query.clauses) == "((donne <-> sant)) & ((i <-> nov) | inov | innovup) & (platef:*)"
    assert to_fts5(query.clauses) == '("donne sant") AND ("i nov" OR "inov" OR "innovup") AND ("platef"*)'
    assert [p.stems for p in query.excluded] == [("canc",)]


@pytest.mark.parametrize("hostile", ['"', "-", "OU", "OR OR", '""', "- -", "'", "\x00", "a" * 10_000, '"a" OU -', ":*", "&|!()<->"])
def test_hostile_queries_parse_to_something_safe(db, hostile):
    query = parse(hostile)
    for clause in query.clauses:
        for phrase in clause:
            assert all(stem.isalnum() for stem in phrase.stems)
    list(filter_programmes({"q": hostile[:200]}).qs)


def test_highlight_marks_matched_words_and_escapes_the_rest():
    matcher = Matcher(parse("plateformes <b>"))
    assert highlight("Les plateformes & la <b>plateforme</b>", matcher) == (
        "Les <mark>plateformes</mark> &amp; la &lt;<mark>b</mark>&gt;<mark>plateforme</mark>&lt;/<mark>b</mark>&gt;")
    long_text = " ".join(["mot"] * 50 + ["télésanté"] + ["fin"] * 50)
    piece = extract(long_text, Matcher(parse("telesante")))
    assert "<mark>télésanté</mark>" in piece and piece.startswith("… ") and piece.endswith(" …")


def test_listing_highlights_title_and_extract(client, entries):
    page = client.get(reverse("programmes:list"), {"q": "financer"}).content.decode()
    assert "<mark>Financement</mark> des plateformes" in page
    assert "<mark>Financer</mark> la télésanté" in page


def test_typo_gets_a_suggestion_with_a_link(client, entries):
    assert distance("telesente", "telesante") == 1
    assert suggest("telesente") == "telesante"
    assert suggest("plateformes") is None  # known words are not "corrected"
    response = client.get(reverse("programmes:list"), {"q": "telesente", "kind": "funding_call"})
    page = response.content.decode()
    # The correction finds something: its results are shown, saying so.
    assert response.status_code == 200 and "Résultats pour « telesante » (aucun pour « telesente »)" in page
    assert response.context["object_list"] and response.context["corrected"] == ("telesente", "telesante")
    # When the correction finds nothing either, the link alone.
    response = client.get(reverse("programmes:list"), {"q": "telesente", "kind": "event"})
    assert "Vouliez-vous dire" in response.content.decode() and "?q=telesante&amp;kind=event" in response.content.decode()


def test_relevance_is_the_default_with_q_and_not_offered_without(client, entries):
    ProgrammeFactory(title="Autre", description="Une plateforme parmi d'autres")
    found = [p.title for p in filter_programmes({"q": "plateforme"}).qs]
    assert found[0] == "Financement des plateformes"  # the title outweighs the description
    assert 'value="relevance"' not in client.get(reverse("programmes:list")).content.decode()
    assert 'value="relevance" selected' in client.get(reverse("programmes:list"), {"q": "plateforme"}).content.decode()


def test_actors_and_funded_projects_get_the_same_search(db):
    actor = ActorFactory(name="Lyonbiopôle", acronym="LBP")
    project = FundedProjectFactory(title="Plateformes d'imagerie", beneficiary=actor)
    ProgrammeActorFactory(actor=actor)
    assert list(Actor.objects.search("lyonbiopole")) == [actor]
    assert list(FundedProject.objects.search("plateforme LBP")) == [project]


def test_cards_outside_a_search_render_without_highlights(client, db):
    """The home page lists programme cards with no query at all."""
    import datetime

    ProgrammeFactory(title="Appel ouvert", deadline=datetime.date.today() + datetime.timedelta(days=10))
    response = client.get("/")
    assert response.status_code == 200 and "Appel ouvert" in response.content.decode() and "<mark>" not in response.content.decode()
