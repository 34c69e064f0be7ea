"""The listing's cards and result order come from the cache, and are never stale."""
import datetime
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from programmes.models import Programme
from programmes.services import save_programme
from tests.factories import ProgrammeActorFactory, ProgrammeFactory
from tests.redis_server import REDIS_URL

pytestmark = pytest.mark.django_db
MAP = "/statistiques/carte-des-programmes-ouverts/"


def cards(response):
    """The cards' HTML, in order."""
    return re.findall(r'<article class="card".*?</article>', response.content.decode(), re.S)


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, [q["sql"] for q in queries.captured_queries]


def programme_queries(sqls):
    """The queries that read programme rows or their links (not the ids, not their count, not reference data)."""
    return [sql for sql in sqls if re.search(r'FROM "programmes_programme(_territories|_themes|_audiences|actor)?"', sql)
            and "AS \"pk\"" not in sql and not sql.startswith("SELECT COUNT(*)")]


def test_a_listing_shown_again_reads_no_row_and_shows_the_same_cards(client, tree):
    for n in range(3):
        programme = ProgrammeFactory(title=f"Santé numérique {n}", territories=[tree["rennes"]])
        ProgrammeActorFactory(programme=programme)
    url = "/programmes/?q=sante&region=53"
    first, first_sql = get(client, url)
    again, again_sql = get(client, url)
    assert len(cards(first)) == 3 and cards(again) == cards(first)
    assert programme_queries(first_sql) and not programme_queries(again_sql)
    assert len(again_sql) < len(first_sql)


@pytest.mark.parametrize("backend", ["locmem", "redis"])
def test_cards_from_either_cache_backend(client, tree, backend):
    location = {"locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cards-test"},
                "redis": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    with override_settings(CACHES={"default": location[backend], "fragments": {**location[backend], "KEY_PREFIX": "fragment"}}):
        caches["fragments"].clear()
        ProgrammeFactory(title="Santé partout", territories=[tree["rennes"]])
        first, _sql = get(client, "/programmes/?q=sante")
        again, again_sql = get(client, "/programmes/?q=sante")
        assert cards(again) == cards(first) and len(cards(first)) == 1 and not programme_queries(again_sql)
        assert "<mark>Santé</mark>" in cards(again)[0]  # still marked safe once unpickled
        caches["fragments"].clear()


def test_a_card_is_rendered_again_after_any_write(client, tree):
    programme = ProgrammeFactory(title="Appel santé", territories=[tree["rennes"]])
    client.get("/programmes/?q=sante")
    programme.title = "Appel santé renouvelé"
    save_programme(programme=programme)
    assert "renouvel" in "".join(cards(client.get("/programmes/?q=sante")))
    programme.refresh_from_db()
    programme.summary = "Un résumé ajouté par la suite."
    programme.save()  # a plain save bumps the directory version too
    assert "résumé ajouté" in "".join(cards(client.get("/programmes/?q=sante")))


def test_cards_follow_the_search_words_the_language_and_the_territory(client, tree):
    ProgrammeFactory(title="Données de santé", territories=[tree["rennes"]])
    ProgrammeFactory(title="Autre appel", territories=[tree["rennes"]])
    marked = cards(client.get("/programmes/?q=sante"))
    assert "<mark>santé</mark>" in marked[0]
    plain = cards(client.get("/programmes/?q=donnees"))
    assert "<mark>santé</mark>" not in plain[0] and "<mark>Données</mark>" in plain[0]
    assert "<mark>" not in "".join(cards(client.get("/programmes/")))
    assert "Call for projects" in cards(client.get("/en/programmes/"))[0]  # the English labels
    # The reason shown depends on the territory asked about.
    assert "Rennes" in "".join(cards(client.get("/programmes/?region=53")))
    assert "Rennes" in "".join(cards(client.get("/programmes/?department=35")))
    assert "Couvre Bretagne" not in "".join(cards(client.get("/programmes/")))


def test_a_card_changes_with_the_day(client, monkeypatch):
    ProgrammeFactory(title="Appel qui ferme", deadline=datetime.date(2026, 6, 30))
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 6, 30))
    assert "status-open" in cards(client.get("/programmes/"))[0]
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: datetime.date(2026, 7, 1))
    assert "status-closed" in cards(client.get("/programmes/?closed=include"))[0]


def test_without_fragment_cache_every_listing_reads_its_rows(client, tree, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    ProgrammeFactory(title="Santé", territories=[tree["rennes"]])
    get(client, "/programmes/?q=sante")
    _response, sqls = get(client, "/programmes/?q=sante")
    assert programme_queries(sqls)


def test_the_pages_of_a_search_follow_one_order_and_a_write_reorders_them(client, tree):
    for n in range(25):
        ProgrammeFactory(title=f"Santé {n}", territories=[tree["rennes"]])
    pages = [client.get("/programmes/?q=sante"), client.get("/programmes/?q=sante&page=2")]
    shown = [m for response in pages for m in re.findall(r'data-slug="([^"]+)"', response.content.decode())]
    assert len(shown) == len(set(shown)) == 25
    programme = Programme.objects.get(slug="sante-24")
    programme.title = "Santé, santé et santé"
    save_programme(programme=programme)
    assert re.search(r'data-slug="([^"]+)"', client.get("/programmes/?q=sante").content.decode()).group(1) == "sante-24"


def test_the_regions_map_is_rendered_once_and_never_stale(client, tree):
    ProgrammeFactory(title="Ouvert en Bretagne", territories=[tree["rennes"]], deadline=datetime.date.today() + datetime.timedelta(days=9))
    assert 'region=53&amp;status=open&amp;scope=local' in client.get(MAP).content.decode()
    listing = client.get("/programmes/").content.decode()
    assert 'data-fragment="/statistiques/carte-des-programmes-ouverts/"' in listing  # fetched once, not inline
    before = re.search(r'href="/programmes/\?region=53[^"]*"[^>]*>.*?</a>', client.get(MAP).content.decode(), re.S).group()
    ProgrammeFactory(title="Autre ouvert en Bretagne", territories=[tree["rennes"]], deadline=datetime.date.today() + datetime.timedelta(days=9))
    after = re.search(r'href="/programmes/\?region=53[^"]*"[^>]*>.*?</a>', client.get(MAP).content.decode(), re.S).group()
    assert before != after
