"""The directory version: one database row every process reads, bumped by every write.

Every cached page and fragment is keyed on it (with the day and the language), so nothing
stale is shown and no process needs to be told of another's write:
- `bump_directory_version()` writes a new random token in the current transaction (the write's
  own, when there is one): it is visible exactly when the write commits, and a rollback takes
  it back. Writes to the directory's apps bump it through signals (`CoreConfig.ready`); bulk
  writes, which send none, call it themselves.
- `directory_version()` reads it once per request (`DirectoryVersionMiddleware`): every part
  of a page is keyed on the same state, and a request sees its own writes at once.
A process that sees a new version forgets its local-memory pages and fragments (all keyed on
older versions): its memory does not grow with the number of writes.
"""
import contextvars
import threading
import uuid

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils import timezone

# The caches whose every key holds the version (pages, fragments): emptied in local memory when it moves on.
VERSIONED_CACHES = ("pages", "fragments")
# The version as this request first read it; None outside requests.
_request_version = contextvars.ContextVar("directory_version", default=None)
_seen = {"token": None}
_seen_lock = threading.Lock()


def _read():
    from .models import DirectoryVersion

    row = DirectoryVersion.objects.filter(pk=1).values_list("token", "changed_at").first()
    if row is None:  # a flushed database (tests): start again
        return bump_directory_version()
    return row[0], row[1].timestamp()


def directory_version():
    """(token, last change as a timestamp): read once per request, else at each call."""
    kept = _request_version.get()
    if kept:
        return kept[0]
    value = _read()
    _forget_older(value[0])
    if kept is not None:
        kept.append(value)
    return value


def bump_directory_version(**kwargs):
    """A new version, in the current transaction (see the module's docstring)."""
    from .models import DirectoryVersion

    now = timezone.now()
    value = (uuid.uuid4().hex, now.timestamp())
    if not DirectoryVersion.objects.filter(pk=1).update(token=value[0], changed_at=now):
        DirectoryVersion.objects.bulk_create([DirectoryVersion(pk=1, token=value[0], changed_at=now)], ignore_conflicts=True)
    kept = _request_version.get()
    if kept is not None:  # the request that wrote sees its write at once
        kept[:] = [value]
    return value


def _forget_older(token):
    """Empty this process's local-memory caches when the version moved on: their entries are keyed
    on older versions and would only be evicted by size, holding memory for nothing."""
    with _seen_lock:
        changed, _seen["token"] = _seen["token"] not in (None, token), token
    if changed:
        for alias in VERSIONED_CACHES:
            if alias in settings.CACHES and isinstance(caches[alias], LocMemCache):
                caches[alias].clear()


class DirectoryVersionMiddleware:
    """One read of the version per request: a request sees one state of the directory throughout."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set([])
        try:
            # Read first: a process that sees a new version forgets its local caches before this
            # request fills them (synonyms, fragments), not after.
            directory_version()
            return self.get_response(request)
        finally:
            _request_version.reset(token)


_kept = {}


def kept(name, compute):
    """`compute()`'s value, once per directory version and process: small reference rows that
    every listing reads (regions, themes…), read again after any write, whichever process wrote."""
    token = directory_version()[0]
    entry = _kept.get(name)
    if entry is None or entry[0] != token:
        entry = _kept[name] = (token, compute())
    return entry[1]
