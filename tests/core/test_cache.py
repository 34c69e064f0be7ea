"""Public pages from the cache: never stale, conditional requests, CDN headers, Redis too."""
import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from django.utils.http import parse_http_date

from core import directory_version, fragments
from core.models import DirectoryVersion
from programmes import services
from tests.factories import ProgrammeFactory
from tests.redis_server import REDIS_URL

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
    assert first_queries > 5 and second_queries == 1  # the directory version, shared by every process
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
    assert english.content != french and "Cookie" in english["Vary"]


def test_staff_exports_and_errors_are_not_cached(client, admin_client):
    assert "Cache-Control" not in admin_client.get("/programmes/")  # a session: live page
    export = client.get("/programmes/export.csv")
    assert export.streaming and "public" not in export.get("Cache-Control", "")
    assert client.get("/programmes/?region=99").status_code == 400
    assert "ETag" not in client.get("/programmes/?region=99")


@pytest.mark.parametrize("backend", ["locmem", "redis"])
def test_both_cache_backends(client, backend):
    location = {"locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
                "redis": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    with override_settings(CACHES={"default": location[backend], "fragments": {**location[backend], "KEY_PREFIX": "fragment"}}):
        caches["default"].clear()
        ProgrammeFactory(title="Partout")
        _, first = queries(client, "/programmes/")
        _, second = queries(client, "/programmes/")
        assert first > 1 and second == 1  # the directory version
        caches["default"].clear()


def version_reads(context):
    return [q for q in context.captured_queries if "core_directoryversion" in q["sql"] and q["sql"].startswith("SELECT")]


def test_a_request_reads_the_directory_version_once(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the listing's every part asks for the version
    ProgrammeFactory(title="Appel lu une fois")
    client.get("/programmes/?kind=funding_call")  # warm: fragments exist
    with CaptureQueriesContext(connection) as context:
        response = client.get("/programmes/?kind=funding_call&page=1")
    assert response.status_code == 200 and "Appel lu une fois" in response.content.decode()
    assert len(version_reads(context)) == 1


def test_a_write_in_a_request_is_seen_by_the_rest_of_it():
    token = directory_version._request_version.set([])
    try:
        before = directory_version.directory_version()
        DirectoryVersion.objects.filter(pk=1).update(token="another-process")
        assert directory_version.directory_version() == before  # one version throughout the request
        bumped = directory_version.bump_directory_version()
        assert directory_version.directory_version() == bumped != before
    finally:
        directory_version._request_version.reset(token)
    assert directory_version.directory_version()[0] == bumped[0]  # outside a request: the database's


def test_midnight_gives_a_new_page_and_a_new_etag(client, monkeypatch):
    ProgrammeFactory()
    evening = client.get("/programmes/")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: tomorrow)
    morning = client.get("/programmes/", HTTP_IF_NONE_MATCH=evening["ETag"], HTTP_IF_MODIFIED_SINCE=evening["Last-Modified"])
    assert morning.status_code == 200 and morning["ETag"] != evening["ETag"]
    assert parse_http_date(morning["Last-Modified"]) > parse_http_date(evening["Last-Modified"])


def test_a_process_forgets_its_local_caches_when_the_version_moves_on(settings):
    caches["fragments"].set("fragment:old", "x" * 1000)
    directory_version.directory_version()
    directory_version.bump_directory_version()
    directory_version.directory_version()
    assert caches["fragments"].get("fragment:old") is None


def test_requests_missing_one_fragment_together_render_it_once(settings):
    import threading
    import time

    settings.FRAGMENT_CACHE_SECONDS = 60
    fragments.fragments().clear()
    renders, results, start = [], [], threading.Barrier(4)

    def render():
        renders.append(1)
        time.sleep(0.2)  # a costly rendering: the other threads arrive meanwhile
        return "<p>rendu</p>"

    def request():
        start.wait()
        results.append(fragments.cached_fragment("together", render))

    threads = [threading.Thread(target=request) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["<p>rendu</p>"] * 4 and len(renders) == 1
    assert fragments._key_locks == {}  # no lock left behind
