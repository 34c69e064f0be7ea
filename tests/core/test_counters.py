"""The counters that protect people (API rate, alert and reset mails) count the same in every
worker process: in the database with the default local-memory cache, in Redis when it is set."""
import os
import subprocess
import sys
import time
import uuid

import pytest
from django.core.cache import caches

import core.counters
from core.counters import hit
from core.models import WindowCounter
from health_registry.settings import BASE_DIR
from tests.redis_server import REDIS_URL

pytestmark = pytest.mark.django_db
REDIS = {"BACKEND": "core.cache_backends.FailOpenRedisCache", "LOCATION": REDIS_URL,
         "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}}


@pytest.fixture
def clock(monkeypatch):
    now = [1_700_000_000.0]  # 20 s into a minute
    monkeypatch.setattr(core.counters, "clock", lambda: now[0])
    return now


def test_a_window_counts_its_hits_and_says_when_it_ends(clock):
    assert [hit(key="k", window=60) for _ in range(3)] == [(1, 40), (2, 40), (3, 40)]
    assert hit(key="other", window=60) == (1, 40)
    clock[0] += 39.5
    assert hit(key="k", window=60) == (4, 1)
    clock[0] += 1  # the next window
    assert hit(key="k", window=60) == (1, 60)


def test_without_a_shared_cache_the_database_counts(clock):
    hit(key="k", window=60)
    hit(key="k", window=60)
    assert WindowCounter.objects.get(key="k").count == 2


def test_expired_windows_are_deleted(clock, monkeypatch):
    hit(key="old", window=60)
    clock[0] += 3600
    monkeypatch.setattr(core.counters, "CLEANUP_ONE_IN", 1)
    hit(key="new", window=60)
    assert list(WindowCounter.objects.values_list("key", flat=True)) == ["new"]


def test_with_redis_the_counts_are_kept_there(clock, settings):
    settings.CACHES = {"default": {**REDIS, "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}}
    assert [hit(key="k", window=60)[0] for _ in range(3)] == [1, 2, 3]
    assert not WindowCounter.objects.exists()
    cache = caches["default"]
    assert 60 <= cache._cache.get_client().ttl(cache.make_key("counter:k:1699999980")) <= 61


def test_with_redis_down_the_database_still_counts(clock, settings, caplog):
    settings.CACHES = {"default": {**REDIS, "LOCATION": "redis://127.0.0.1:1/0"}}
    assert [hit(key="k", window=60)[0] for _ in range(3)] == [1, 2, 3]
    assert WindowCounter.objects.get(key="k").count == 3


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory):
    """Two worker processes counting at once against one SQLite file, each making 30 API
    requests (limit 20) and 30 alert requests for one mailbox (limit 3): what each let by."""
    database = tmp_path_factory.mktemp("counters") / "db.sqlite3"
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "true",
                   "API_RATE_LIMIT": "20", "API_RATE_WINDOW": "3600"}
    environment.pop("REDIS_URL", None)
    environment.pop("CACHE_URL", None)
    command = [sys.executable, "-m", "tests.core.counter_worker", "30", str(time.time())]
    workers = [subprocess.Popen(command, cwd=BASE_DIR, env=environment, text=True,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE) for _ in range(2)]
    for worker in workers:
        assert worker.stdout.readline().strip() == "ready"
    for worker in workers:
        worker.stdin.write("go\n")
        worker.stdin.flush()
    return [tuple(map(int, worker.communicate(timeout=30)[0].split())) for worker in workers]


def test_the_api_limit_holds_across_two_worker_processes(two_workers):
    assert sum(api for api, _alerts in two_workers) == 20, two_workers


def test_the_alert_mail_limit_holds_across_two_worker_processes(two_workers):
    """Three mails per mailbox in all, however its address is written and whichever worker serves it."""
    assert sum(alerts for _api, alerts in two_workers) == 3, two_workers
