"""Parts of pages (a listing's cards and filter form, the regions map, the home page's content)
kept in Django's "fragments" cache, under the directory version, the day (statuses change at
midnight) and the language, so a kept fragment is never stale (see `core.directory_version`).
"""
import contextlib
import hashlib
import threading

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.translation import get_language

from .directory_version import directory_version


def fragment_key(name, *parts):
    """The cache key of a part of a page: another after any write, at midnight, in another
    language, and for other `parts` (what else the fragment depends on)."""
    raw = "|".join([directory_version()[0], timezone.localdate().isoformat(), get_language() or "", *map(str, parts)])
    return f"fragment:{name}:{hashlib.sha256(raw.encode()).hexdigest()[:32]}"


def cached_fragment(name, render, *parts):
    """`render()`'s HTML, rendered once per `fragment_key` (every time when FRAGMENT_CACHE_SECONDS is 0).

    Requests of one process missing the same key at once wait for the first one's rendering
    instead of each rendering it: after a write, sixteen listings arriving together would
    each count the facets in SQL (half a second each at 100,000 programmes)."""
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return render()
    key = fragment_key(name, *parts)
    html = fragments().get(key)
    if html is None:
        with _rendering(key):
            html = fragments().get(key)
            if html is None:
                html = render()
                fragments().set(key, html, settings.FRAGMENT_CACHE_SECONDS)
    return html


_locks_lock = threading.Lock()
_key_locks = {}


@contextlib.contextmanager
def _rendering(key):
    """Held by one thread of this process per key; the lock is dropped once nobody waits for it."""
    with _locks_lock:
        lock, waiting = _key_locks.get(key, (None, 0))
        lock = lock or threading.Lock()
        _key_locks[key] = (lock, waiting + 1)
    try:
        with lock:
            yield
    finally:
        with _locks_lock:
            lock, waiting = _key_locks[key]
            if waiting == 1:
                del _key_locks[key]
            else:
                _key_locks[key] = (lock, waiting - 1)


def fragments():
    """The cache of parts of pages (see CACHES)."""
    return caches["fragments"]
