"""Responses compressed with gzip, but never a page that holds a secret (BREACH).

BREACH recovers a secret from the size of compressed responses that also reflect what an
attacker sends: a page with a CSRF token, or one served to a signed-in editor. Those go
uncompressed; public pages, exports (CSV, JSON) and the API, which hold none, are compressed.
"""
from django.conf import settings
from django.middleware.gzip import GZipMiddleware


class SafeGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if self.holds_secret(request, response):
            return response
        return super().process_response(request, response)

    @staticmethod
    def holds_secret(request, response):
        return bool(
            request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page used the CSRF token
            or settings.SESSION_COOKIE_NAME in request.COOKIES  # an editor's session
            or response.cookies
            or request.path.startswith("/admin/")
        )
