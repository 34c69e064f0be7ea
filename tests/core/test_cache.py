"""Public pages from the cache: never stale, conditional requests, CDN headers, Redis too."""
import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from core import cache as core_cache
from programmes import services
from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_the_cache_can_be_turned_off(client, settings):
    settings.PAGE_CACHE_SECONDS = settings.FRAGMENT_CACHE_SECONDS = 0
    ProgrammeFactory()
    response, _ = queries(client, "/programmes/")
    _, second = queries(client, "/programmes/")
    assert second > 0 and "ETag" not in response


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **headers)
    return response, len(context.captured_queries)


def test_second_request_is_served_from_the_cache_without_queries(client):
    ProgrammeFactory(title="Appel mis en cache")
    first, first_queries = queries(client, "/programmes/?kind=funding_call")
    second, second_queries = queries(client, "/programmes/?kind=funding_call")
    assert first_queries > 5 and second_queries == 0
    assert second.content == first.content and "Appel mis en cache" in second.content.decode()


def test_any_write_shows_at_once(client):
    programme = ProgrammeFactory(title="Ancien titre")
    assert "Ancien titre" in client.get("/programmes/").content.decode()
    programme.title = "Nouveau titre"
    services.save_programme(programme=programme)
    page = client.get("/programmes/").content.decode()
    assert "Nouveau titre" in page and "Ancien titre" not in page


def test_conditional_requests_get_304_and_cdn_headers(client):
    ProgrammeFactory()
    response = client.get("/programmes/")
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Cookie" not in response.get("Vary", "") and not response.cookies
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get("/programmes/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/programmes/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    ProgrammeFactory()
    assert client.get("/programmes/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_language_cookie_varies_and_keys_the_page(client):
    french = client.get("/programmes/").content
    client.cookies["django_language"] = "en"
    english = client.get("/programmes/")
    assert english.content != french and english["Vary"] == "Cookie"


def test_staff_exports_and_errors_are_not_cached(client, admin_client):
    assert "Cache-Control" not in admin_client.get("/programmes/")  # a session: live page
    export = client.get("/programmes/export.csv")
    assert export.streaming and "public" not in export.get("Cache-Control", "")
    assert client.get("/programmes/?region=99").status_code == 400
    assert "ETag" not in client.get("/programmes/?region=99")


@pytest.mark.parametrize("backend", ["locmem", "redis"])
def test_both_cache_backends(client, backend):
    location = {"locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
                "redis": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/15"}}
    with override_settings(CACHES={"default": location[backend], "fragments": {**location[backend], "KEY_PREFIX": "fragment"}}):
        caches["default"].clear()
        ProgrammeFactory(title="Partout")
        _, first = queries(client, "/programmes/")
        _, second = queries(client, "/programmes/")
        assert first > 0 and second == 0
        caches["default"].clear()


def test_a_request_reads_the_directory_version_once(client, settings, monkeypatch):
    settings.PAGE_CACHE_SECONDS = 0  # the listing's every part asks for the version
    ProgrammeFactory(title="Appel lu une fois")
    client.get("/programmes/?kind=funding_call")  # warm: the facet index and fragments exist
    reads = []
    real_get = core_cache.cache.get
    monkeypatch.setattr(core_cache.cache, "get", lambda key, *args, **kw: (reads.append(key), real_get(key, *args, **kw))[1])
    response = client.get("/programmes/?kind=funding_call&page=1")
    assert response.status_code == 200 and "Appel lu une fois" in response.content.decode()
    assert reads.count(core_cache.VERSION_KEY) == 1


def test_a_write_in_a_request_is_seen_by_the_rest_of_it():
    token = core_cache._request_version.set([])
    try:
        before = core_cache.directory_version()
        core_cache.cache.set(core_cache.VERSION_KEY, ("another-process", 0.0), None)
        assert core_cache.directory_version() == before  # one version throughout the request
        bumped = core_cache.bump_directory_version()
        assert core_cache.directory_version() == bumped != before
    finally:
        core_cache._request_version.reset(token)
    assert core_cache.directory_version() == bumped  # outside a request: the cache's


def test_requests_missing_one_fragment_together_render_it_once(settings):
    import threading
    import time

    settings.FRAGMENT_CACHE_SECONDS = 60
    core_cache.fragments().clear()
    renders, results, start = [], [], threading.Barrier(4)

    def render():
        renders.append(1)
        time.sleep(0.2)  # a costly rendering: the other threads arrive meanwhile
        return "<p>rendu</p>"

    def request():
        start.wait()
        results.append(core_cache.cached_fragment("together", render))

    threads = [threading.Thread(target=request) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["<p>rendu</p>"] * 4 and len(renders) == 1
    assert core_cache._key_locks == {}  # no lock left behind
