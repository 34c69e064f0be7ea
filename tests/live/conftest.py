"""Fixtures of the live tests: one database of their own per module, one gunicorn per cache mode.

These tests use no pytest-django database (no `db` fixture: pytest-django even blocks this
process's queries); they reach their database through `manage.py` subprocesses and HTTP only."""
import pytest

from .database import LiveDatabase
from .server import REDIS, LiveServer


def pytest_configure(config):
    config.addinivalue_line("markers", "live: starts gunicorn with 3 workers on a database of its own (tests/live)")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/live/" in str(item.fspath):
            item.add_marker(pytest.mark.live)


@pytest.fixture(scope="module")
def live_database(tmp_path_factory):
    """A fresh SQLite file, or a new PostgreSQL database `hr_live_<random>` beside the suite's (then
    dropped): migrated, with the demo data and an administrator, by `manage.py` subprocesses."""
    database = LiveDatabase(tmp_path_factory.mktemp("live-database"))
    try:
        database.create()
        yield database
    finally:
        database.drop()


def flushed_redis(url):
    """`url`, its Redis database emptied; the test is skipped when no Redis answers (CI fails on skips)."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).flushdb()
    except redis.exceptions.ConnectionError as error:
        pytest.skip(f"no Redis at {url}: {error}")
    return url


@pytest.fixture(scope="module", params=["local-memory", "redis"])
def live(request, live_database, tmp_path_factory):
    """gunicorn (3 workers, DEBUG off, page cache on for 600 s) with each worker's local-memory
    cache (the default), or with Redis."""
    redis_url = flushed_redis(REDIS) if request.param == "redis" else None
    server = LiveServer(live_database, tmp_path_factory.mktemp(f"live-{request.param}"), redis_url)
    try:
        yield server.start()
    finally:
        server.stop()
