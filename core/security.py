"""Security headers Django 5.2 does not send itself: Content-Security-Policy and Permissions-Policy.

A small middleware rather than django-csp: the pages have no inline script or style, so no
nonce or per-view policy is needed, and one header string from the settings (environment) is
all there is to configure; Permissions-Policy, which django-csp does not send, comes with it.
"""
from django.conf import settings


def security_headers():
    """(name, value) pairs from the settings, read on each response (tests may override them)."""
    csp_header = "Content-Security-Policy-Report-Only" if settings.CONTENT_SECURITY_POLICY_REPORT_ONLY else "Content-Security-Policy"
    pairs = [(csp_header, settings.CONTENT_SECURITY_POLICY), ("Permissions-Policy", settings.PERMISSIONS_POLICY)]
    return [(name, value) for name, value in pairs if value]


class SecurityHeadersMiddleware:
    """Placed right after SecurityMiddleware: every response gets the headers, pages served from
    the cache and static files included. A view that sets its own policy keeps it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Django's debug error pages (DEBUG only) are made of inline styles and scripts.
        if settings.DEBUG and response.status_code >= 400:
            return response
        for name, value in security_headers():
            response.headers.setdefault(name, value)
        return response
