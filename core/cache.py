"""Public pages served from the cache, and what makes that safe.

- Every page is cached under the directory version (`core.directory_version`: one database
  row, bumped in every write's transaction) and the day (statuses change at midnight), so
  nothing stale is ever shown, whichever process wrote.
- Anonymous GET/HEAD only, and only without a session: editors always see live pages.
- `ETag` / `Last-Modified` (both moving at midnight too) answer conditional requests with 304;
  `Cache-Control: public, max-age` lets a CDN serve the pages; `Vary: Cookie` only when a
  language cookie changes the page.
The cache is Django's: local memory by default, Redis when `REDIS_URL` is set; an unreachable
Redis reads as a miss (`core.cache_backends`).
"""
import hashlib
from datetime import datetime, time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, quote_etag

from .directory_version import directory_version

SKIPPED_PREFIXES = ("/admin/", "/i18n/", "/static/", "/__")


def pages():
    """The cache of whole pages: its own alias, else the default cache (settings without one)."""
    return caches["pages" if "pages" in settings.CACHES else "default"]


def last_modified(changed_at):
    """The later of the last write and today's midnight: a status may have changed at midnight."""
    midnight = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    return max(changed_at, midnight.timestamp())


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
        day = timezone.localdate().isoformat()
        key = "page:" + hashlib.sha256(f"{version}|{day}|{variant}|{request.get_full_path()}".encode()).hexdigest()
        stored = pages().get(key)
        if stored is None:
            response = self.get_response(request)
            if not _cacheable_response(response):
                return response
            stored = {"content": response.content, "type": response["Content-Type"], "language": response.get("Content-Language", "")}
            pages().set(key, stored, settings.PAGE_CACHE_SECONDS)
        return self.respond(request, stored, etag=quote_etag(key[5:37]), modified=last_modified(modified))

    def respond(self, request, stored, *, etag, modified):
        response = HttpResponse(stored["content"], content_type=stored["type"])
        if stored["language"]:
            response["Content-Language"] = stored["language"]
        return validated(request, response, etag=etag, modified=modified)


def validated(request, response, *, etag, modified):
    """`response` with its validators and `Cache-Control`, or a 304 when the client's copy is current.

    Shared by the page cache and the streamed feeds, which the page cache cannot keep."""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        patch_vary_headers(response, ["Cookie"])
    return get_conditional_response(request, etag=etag, last_modified=int(modified), response=response)
