"""/api/: anonymous reads limited per client address, and open to every origin (CORS) for GET.

A middleware rather than DRF throttles: it sits before the public page cache, so that answers
served from the cache count too and carry the CORS headers (the cache keeps bodies, not headers).
The counter is core.counters' fixed window per address (Redis when REDIS_URL is set, else the
database): shared by every worker process, so four workers do not let four times the limit by."""
import json

from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from core.client_address import client_ip
from core.counters import hit
from core.middleware import _nul_refusal

PREFIX = "/api/"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Expose-Headers": "Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining",
}


def rate_limit():
    """(requests, seconds) from API_RATE_LIMIT, read on each request (tests override it)."""
    return settings.API_RATE_LIMIT, settings.API_RATE_WINDOW


def count_request(address, window):
    """This request's rank in the address's current window, and the seconds the window has left."""
    return hit(key=f"api-rate:{address}", window=window)


def visitor_language(request):
    """As core.middleware.FrenchFirstLocaleMiddleware decides it: the language cookie, else French."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def json_response(status, body):
    return HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type="application/json")


def too_many(retry_after):
    response = json_response(429, {"detail": _("Trop de requêtes : réessayez dans %(seconds)s s.") % {"seconds": retry_after}})
    response["Retry-After"] = str(retry_after)
    return response


def preflight():
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, Content-Type, If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = "86400"
    return response


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        # Placed before the locale middleware: its refusals take the visitor's language themselves.
        with translation.override(visitor_language(request)):
            response = self.respond(request)
        for name, value in CORS_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    def respond(self, request):
        refusal = _nul_refusal(request)
        if refusal:
            # The API's 400 is JSON, the same shape as a bad filter's (core.middleware says why NULs go).
            return json_response(400, {"detail": _("Filtres invalides :"), "errors": [refusal]})
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            return preflight()
        return self.limited(request)

    def limited(self, request):
        limit, window = rate_limit()
        if limit <= 0:
            return self.get_response(request)
        rank, retry_after = count_request(client_ip(request) or "unknown", window)
        if rank > limit:
            return too_many(retry_after)
        response = self.get_response(request)
        response["X-RateLimit-Limit"] = str(limit)
        response["X-RateLimit-Remaining"] = str(max(0, limit - rank))
        return response
