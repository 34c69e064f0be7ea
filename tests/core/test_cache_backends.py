"""Redis failing open (core/cache_backends.py): the site answers while Redis is down or silent,
with one warning per outage in the log, and Redis is not asked again for a few seconds."""
import logging
import socket
import time
import uuid

import pytest
from django.core.cache import caches

import core.cache_backends
from core.cache_backends import FailOpenRedisCache
from tests.redis_server import REDIS_URL

pytestmark = pytest.mark.django_db
OPTIONS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
LIVE = REDIS_URL
REFUSED = "redis://:secret@127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture(autouse=True)
def fresh_health(monkeypatch):
    """Each test sees Redis as never failed (the state is per process and per server)."""
    monkeypatch.setattr(core.cache_backends, "_healths", {})


def redis_caches(settings, location):
    backend = {"BACKEND": "core.cache_backends.FailOpenRedisCache", "LOCATION": location, "OPTIONS": OPTIONS}
    prefix = uuid.uuid4().hex
    settings.CACHES = {"default": {**backend, "KEY_PREFIX": prefix}, "fragments": {**backend, "KEY_PREFIX": f"f{prefix}"}}
    return caches["default"]


def warnings_of(caplog):
    return [r for r in caplog.records if r.name == "core.cache_backends" and r.levelno >= logging.WARNING]


def test_pages_answer_while_redis_is_down_with_one_warning(client, settings, caplog):
    settings.PAGE_CACHE_SECONDS = 600
    redis_caches(settings, REFUSED)
    for _ in range(3):
        for url in ("/", "/programmes/", "/programmes/?region=53", "/api/v1/programmes/", "/api/v1/themes/"):
            assert client.get(url).status_code == 200, url
    [warning] = warnings_of(caplog)
    assert "127.0.0.1:1 unreachable" in warning.getMessage()
    assert "secret" not in warning.getMessage()


def test_a_down_redis_reads_as_an_empty_cache():
    cache = FailOpenRedisCache(REFUSED, {"OPTIONS": OPTIONS})
    assert cache.get("k", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("k", 1) is False and cache.has_key("k") is False
    assert cache.set("k", 1) is None and cache.delete("k") is False
    assert cache.get_or_set("k", lambda: "computed") == "computed"
    assert cache.set_many({"a": 1}) == ["a"]
    assert cache.count_in_window("counter", 60) is None
    with pytest.raises(ValueError):
        cache.incr("k")


class Clock:
    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    fake = Clock()
    monkeypatch.setattr(core.cache_backends, "time", fake)
    return fake


@pytest.fixture
def silent_server():
    """A port that accepts connections and never answers: every command times out."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"


def test_a_silent_redis_costs_one_timeout_then_is_skipped(silent_server, clock, caplog):
    cache = FailOpenRedisCache(silent_server, {"OPTIONS": OPTIONS})
    started = time.perf_counter()
    assert cache.get("k") is None
    assert 0.2 <= time.perf_counter() - started < 1
    started = time.perf_counter()
    assert [cache.get("k") for _ in range(100)] == [None] * 100  # within the back-off: not asked
    assert time.perf_counter() - started < 0.1
    assert len(warnings_of(caplog)) == 1


def test_one_warning_a_minute_while_down_and_a_line_when_back(clock, caplog):
    caplog.set_level(logging.INFO, logger="core.cache_backends")
    down = FailOpenRedisCache(REFUSED, {"OPTIONS": OPTIONS})
    for _ in range(30):  # a try every 5 s for 150 s
        down.get("k")
        clock.now += 5
    assert len(warnings_of(caplog)) == 3  # at 0, 60 and 120 s
    assert "unreachable for 120 s" in warnings_of(caplog)[-1].getMessage()
    # A server that failed and answers again:
    live = FailOpenRedisCache(LIVE, {"OPTIONS": OPTIONS})
    live.health.failed(ConnectionError("test"), clock.now - 10)
    assert live.set("k", 1) is None and live.get("k") == 1
    assert any("answers again" in r.getMessage() for r in caplog.records if r.levelno == logging.INFO)


def test_a_live_redis_works_through_the_wrapper(settings):
    cache = redis_caches(settings, LIVE)
    assert isinstance(cache, FailOpenRedisCache)
    cache.set("k", {"a": 1}, 60)
    assert cache.get("k") == {"a": 1} and cache.get_many(["k", "absent"]) == {"k": {"a": 1}}
    assert cache.add("k", 2) is False and cache.add("n", 1) is True and cache.incr("n") == 2
    assert [cache.count_in_window("c", 60) for _ in range(3)] == [1, 2, 3]
    assert cache.delete("k") is True and cache.get("k") is None
    with pytest.raises(ValueError):
        cache.incr("absent")
