"""Public pages served from the cache, and what makes that safe.

- Every page is cached under the *directory version*, bumped by any write to the
  directory's data (editorial apps' models), so nothing stale is ever shown.
- Anonymous GET/HEAD only, and only without a session: editors always see live pages.
- `ETag` / `Last-Modified` answer conditional requests with 304; `Cache-Control:
  public, max-age` lets a CDN serve the pages; `Vary: Cookie` only when a language
  cookie changes the page.
- Parts of pages (a listing's cards, the regions map) are cached the same way, under the
  version, the day (statuses change at midnight) and the language: `cached_fragment`.
The cache is Django's: local memory by default, Redis when `REDIS_URL` is set.
"""
import contextlib
import contextvars
import hashlib
import threading
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

VERSION_KEY = "directory:version"
SKIPPED_PREFIXES = ("/admin/", "/i18n/", "/static/", "/__")


# The version as this request first read it (see DirectoryVersionMiddleware); None outside requests.
_request_version = contextvars.ContextVar("directory_version", default=None)


def directory_version():
    """(version, last modified timestamp): read from the cache once per request."""
    kept = _request_version.get()
    if kept:
        return kept[0]
    value = cache.get(VERSION_KEY)
    if value is None:
        value = bump_directory_version()
    if kept is not None:
        kept.append(value)
    return value


def bump_directory_version(**kwargs):
    """Called on every write of the directory's data (see CoreConfig.ready); cheap and idempotent."""
    now = time.time()
    value = (f"{time.time_ns():x}", now)
    cache.set(VERSION_KEY, value, None)
    kept = _request_version.get()
    if kept is not None:  # the request that wrote sees its write at once
        kept[:] = [value]
    return value


class DirectoryVersionMiddleware:
    """One read of the directory version per request, not one per use: a listing asks for it
    about eight times (page cache, facet index, reference rows, each fragment's key), each a
    Redis round trip when REDIS_URL is set. A request also sees one version throughout, so its
    parts never mix two states of the directory."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set([])
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)


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


def _cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _cacheable_response(response):
    return response.status_code == 200 and not response.streaming and not response.cookies and not response.has_header("Vary")


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        version, modified = directory_version()
        # The language offer (an English link on the French home, from Accept-Language) is part of the page.
        variant = f"{request.LANGUAGE_CODE}|{getattr(request, 'language_offer', None) or ''}"
        key = "page:" + hashlib.sha256(f"{version}|{variant}|{request.get_full_path()}".encode()).hexdigest()
        stored = cache.get(key)
        if stored is None:
            response = self.get_response(request)
            if not _cacheable_response(response):
                return response
            stored = {"content": response.content, "type": response["Content-Type"], "language": response.get("Content-Language", "")}
            cache.set(key, stored, settings.PAGE_CACHE_SECONDS)
        return self.respond(request, stored, etag=quote_etag(key[5:37]), modified=modified)

    def respond(self, request, stored, *, etag, modified):
        response = HttpResponse(stored["content"], content_type=stored["type"])
        if stored["language"]:
            response["Content-Language"] = stored["language"]
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
        patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
        if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
            patch_vary_headers(response, ["Cookie"])
        return get_conditional_response(request, etag=etag, last_modified=int(modified), response=response)
