"""Redis as Django's cache, failing open: a Redis down or slow makes the cache empty, not the site.

Without it, every request reading the cache (the page cache, the directory version, fragments,
counters) raised the client's ConnectionError: the whole site answered 500 while Redis was away.
Here an unreachable server (refused, timed out: set short socket timeouts in OPTIONS) reads as a
miss, and writes are dropped. After a failure the server is left alone for BACKOFF_SECONDS, one
caller then tries it again, so that a dead Redis does not cost every request a connect timeout.
The log gets one warning when the server stops answering (again every WARN_EVERY_SECONDS while it
stays down) and one info line when it is back, not a traceback per request. Other Redis errors
(a wrong command, a full memory) are bugs or settings to fix, and still raise.
"""
import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
BACKOFF_SECONDS = 5.0
WARN_EVERY_SECONDS = 60.0
_MISSING = object()


def server_name(url):
    """The server's host and port for the log: never the password a Redis URL may hold."""
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or 6379}" if parts.hostname else parts.path or url


class ServerHealth:
    """Whether one Redis server answers, shared by every alias and thread of the process using it."""

    def __init__(self, name):
        self.name = name
        self.lock = threading.Lock()
        self.down_since = None
        self.retry_at = 0.0
        self.warned_at = 0.0

    def should_skip(self, now):
        """True while the server is known down; past the back-off, lets one caller try it."""
        if self.down_since is None:
            return False
        with self.lock:
            if self.down_since is None:
                return False
            if now < self.retry_at:
                return True
            self.retry_at = now + BACKOFF_SECONDS  # this caller tries; the others keep skipping
            return False

    def failed(self, error, now):
        with self.lock:
            first = self.down_since is None
            if first:
                self.down_since = now
            self.retry_at = now + BACKOFF_SECONDS
            warn = first or now - self.warned_at >= WARN_EVERY_SECONDS
            if warn:
                self.warned_at = now
            since = self.down_since
        if warn:
            logger.warning(
                "Redis %s unreachable for %d s (%s: %s): the cache answers as empty, counters use the "
                "database; next try in %d s", self.name, now - since, type(error).__name__, error, BACKOFF_SECONDS,
            )

    def answered(self, now):
        if self.down_since is None:
            return
        with self.lock:
            since, self.down_since = self.down_since, None
        if since is not None:
            logger.info("Redis %s answers again, after %d s unreachable", self.name, now - since)


_health_lock = threading.Lock()
_healths = {}


def health_of(servers):
    """The process's one ServerHealth for these servers (both cache aliases may share a Redis)."""
    name = ",".join(server_name(server) for server in servers)
    with _health_lock:
        return _healths.setdefault(name, ServerHealth(name))


class FailOpenRedisCache(RedisCache):
    """Django's RedisCache, acting as an empty cache while its server does not answer."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.health = health_of(self._servers)

    def _guarded(self, fallback, method, *args, **kwargs):
        if self.health.should_skip(time.monotonic()):
            return fallback
        try:
            result = method(*args, **kwargs)
        except UNREACHABLE as error:
            self.health.failed(error, time.monotonic())
            return fallback
        self.health.answered(time.monotonic())
        return result

    # Each operation as a miss would answer, so that callers take their no-cache path.
    def get(self, key, default=None, version=None):
        return self._guarded(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._guarded(False, super().has_key, key, version)

    def add(self, *args, **kwargs):
        return self._guarded(False, super().add, *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._guarded(None, super().set, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        return self._guarded(list(data), super().set_many, data, *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._guarded(False, super().touch, *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._guarded(False, super().delete, *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._guarded(None, super().delete_many, *args, **kwargs)

    def clear(self):
        return self._guarded(False, super().clear)

    def incr(self, key, delta=1, version=None):
        result = self._guarded(_MISSING, super().incr, key, delta, version)
        if result is _MISSING:
            raise ValueError(f"Key '{key}' not found (Redis {self.health.name} unreachable)")
        return result

    def count_in_window(self, key, timeout):
        """One more hit on the counter `key`, created to expire in `timeout` s: its new count, or
        None while Redis is unreachable (core/counters.py then counts in the database)."""
        key = self.make_and_validate_key(key)

        def count():
            pipe = self._cache.get_client(key, write=True).pipeline()  # MULTI/EXEC: one round trip
            pipe.set(key, 0, ex=timeout, nx=True)
            pipe.incr(key)
            return pipe.execute()[1]

        return self._guarded(None, count)
