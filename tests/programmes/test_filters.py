"""Region semantics, search and filters of the one ProgrammeFilter."""
import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone

from programmes.filters import filter_programmes, public_programmes
from programmes.listing.reasons import annotate_reasons
from tests.factories import ActorFactory, ProgrammeActorFactory, ProgrammeFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def titles(params):
    filterset = filter_programmes(QueryDict(params))
    assert filterset.is_valid(), filterset.errors
    return {p.title for p in filterset.qs}


@pytest.fixture
def programmes(tree):
    return {
        "bretagne": ProgrammeFactory(title="Régional Bretagne", territories=[tree["bretagne"]]),
        "rennes": ProgrammeFactory(title="Rennes Métropole", territories=[tree["rennes"]]),
        "d35": ProgrammeFactory(title="Ille-et-Vilaine", territories=[tree["d35"]]),
        "lyon": ProgrammeFactory(title="Métropole de Lyon", territories=[tree["lyon"]]),
        "ara": ProgrammeFactory(title="Régional ARA", territories=[tree["ara"]]),
        "national": ProgrammeFactory(title="National", territories=[tree["fr"]]),
        "europe": ProgrammeFactory(title="Européen", territories=[tree["eu"]]),
        "multi": ProgrammeFactory(title="Deux régions", territories=[tree["bretagne"], tree["reunion"]]),
        "reunion": ProgrammeFactory(title="Réunion", territories=[tree["d974"]]),
        "draft": ProgrammeFactory(title="Brouillon breton", territories=[tree["bretagne"]], publication_state="draft"),
    }


def test_region_includes_inside_national_and_european(programmes):
    assert titles("region=53") == {"Régional Bretagne", "Rennes Métropole", "Ille-et-Vilaine", "National", "Européen", "Deux régions"}


def test_region_excludes_other_regions(programmes):
    assert "Métropole de Lyon" not in titles("region=53")
    assert "Régional Bretagne" not in titles("region=84")


def test_scope_local_removes_national_and_european(programmes):
    assert titles("region=53&scope=local") == {"Régional Bretagne", "Rennes Métropole", "Ille-et-Vilaine", "Deux régions"}


def test_multi_region_programme_appears_in_each(programmes):
    assert "Deux régions" in titles("region=53")
    assert "Deux régions" in titles("region=04")
    assert "Deux régions" not in titles("region=84")


def test_overseas_region(programmes):
    assert titles("region=04&scope=local") == {"Réunion", "Deux régions"}


def test_department_includes_its_region_and_metropoles(programmes):
    assert titles("department=35&scope=local") == {"Régional Bretagne", "Rennes Métropole", "Ille-et-Vilaine", "Deux régions"}
    assert titles("department=69") == {"Métropole de Lyon", "Régional ARA", "National", "Européen"}


def test_each_result_says_why(programmes, tree):
    filterset = filter_programmes(QueryDict("region=84"))
    results = list(filterset.qs)
    annotate_reasons(results, tree["ara"])
    why = {p.title: p.why for p in results}
    assert why["Régional ARA"] == "Couvre Auvergne-Rhône-Alpes"
    assert why["Métropole de Lyon"] == "Métropole de Lyon, dans ce territoire"
    assert why["National"] == "Programme national"
    assert why["Européen"] == "Programme européen"


def test_drafts_never_appear(programmes):
    assert "Brouillon breton" not in titles("")


@pytest.mark.parametrize(
    "query, expected",
    [
        ("q=donnees de sante", {"Entrepôts"}),
        ("q=BIOTHERAPIES", {"Biothérapies"}),
        ("q=biothérapies lyon", {"Biothérapies"}),
        ("q=entrepots hospitaliers", {"Entrepôts"}),
        ("q=cœur", {"Chirurgie"}),
        ("q=coeur", {"Chirurgie"}),
        ("q=lyonbiopole", {"Biothérapies"}),  # actor name
        ("q=medecine nucleaire", {"Chirurgie"}),  # theme name
        ("q=biotherapies rouen", set()),  # all words must match
    ],
)
def test_search_is_accent_and_case_insensitive(db, query, expected):
    ProgrammeFactory(title="Entrepôts", summary="Entrepôts de données de santé hospitaliers")
    bio = ProgrammeFactory(title="Biothérapies", description="Production à Lyon")
    ProgrammeActorFactory(programme=bio, actor=ActorFactory(name="Lyonbiopôle"))
    ProgrammeFactory(title="Chirurgie", description="Salle hybride cœur-thorax à Rouen", themes=[ThemeFactory(name="Médecine nucléaire")])
    assert titles(query) == expected


def test_kind_theme_audience_status_filters_combine(db):
    theme = ThemeFactory(slug="theme-test")
    today = datetime.date.today()
    ProgrammeFactory(title="A", kind="ami", themes=[theme], deadline=today + datetime.timedelta(days=10))
    ProgrammeFactory(title="B", kind="ami", deadline=today + datetime.timedelta(days=10))
    ProgrammeFactory(title="C", kind="event", themes=[theme], deadline=today - datetime.timedelta(days=10))
    assert titles("kind=ami&theme=theme-test") == {"A"}
    assert titles("kind=ami&kind=event&closed=include") == {"A", "B", "C"}
    assert titles("kind=ami&kind=event") == {"A", "B"}  # by default, what one can still apply to
    assert titles("status=open") == {"A", "B"}
    assert titles("status=closed&status=open&theme=theme-test") == {"A", "C"}


def test_actor_filter(db):
    actor = ActorFactory(slug="cpage")
    ProgrammeActorFactory(programme=ProgrammeFactory(title="Hackathon"), actor=actor)
    ProgrammeFactory(title="Autre")
    assert titles("actor=cpage") == {"Hackathon"}


def test_deadline_sort_puts_soonest_first_and_undated_last(db):
    today = datetime.date.today()
    ProgrammeFactory(title="Sans date")
    ProgrammeFactory(title="Dans un mois", deadline=today + datetime.timedelta(days=30))
    ProgrammeFactory(title="Demain", deadline=today + datetime.timedelta(days=1))
    ProgrammeFactory(title="Clos", deadline=today - datetime.timedelta(days=5))
    order = [p.title for p in filter_programmes(QueryDict("sort=deadline&closed=include")).qs]
    assert order == ["Demain", "Dans un mois", "Clos", "Sans date"]


def test_relevance_sort_prefers_title_matches(db):
    ProgrammeFactory(title="Autre appel", description="un mot: robotique")
    ProgrammeFactory(title="Robotique médicale")
    order = [p.title for p in filter_programmes(QueryDict("q=robotique")).qs]
    assert order == ["Robotique médicale", "Autre appel"]


def test_title_and_recent_sorts(db):
    ProgrammeFactory(title="Zèbre")
    ProgrammeFactory(title="Abeille")
    assert [p.title for p in filter_programmes(QueryDict("sort=title")).qs] == ["Abeille", "Zèbre"]
    assert [p.title for p in filter_programmes(QueryDict("sort=recent")).qs] == ["Abeille", "Zèbre"]


def test_filtersets_built_side_by_side_keep_their_own_filters_and_fields(programmes):
    # Filters and the form class are shared prototypes (core.filtering): each instance's filter
    # methods must still read its own form (`scope`), and its fields stay its own.
    local = filter_programmes(QueryDict("region=53&scope=local"))
    wide = filter_programmes(QueryDict("region=53"))
    local.form.fields["kind"].label = "changed here only"
    assert wide.is_valid() and local.is_valid()
    assert {p.title for p in wide.qs} == {"Régional Bretagne", "Rennes Métropole", "Ille-et-Vilaine", "National", "Européen", "Deux régions"}
    assert {p.title for p in local.qs} == {"Régional Bretagne", "Rennes Métropole", "Ille-et-Vilaine", "Deux régions"}
    assert wide.filters["region"].parent is wide and local.filters["region"].parent is local
    assert wide.form.fields["kind"].label != "changed here only"


def test_public_rows_take_the_status_of_the_day(db, monkeypatch):
    # The base query is built once a day (programmes.filters): the next day's is another one.
    programme = ProgrammeFactory(opens_on=None, deadline=datetime.date(2026, 6, 30))
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 6, 30))
    assert public_programmes().get(pk=programme.pk).computed_status == "open"
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 7, 1))
    assert public_programmes().get(pk=programme.pk).computed_status == "closed"
