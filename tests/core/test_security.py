"""Security headers on every page (public, cached, admin), pages that need no inline script or
style, the language cookie's flags, and forged Host headers logged as one line."""
import io
import logging
import re
import sys

import pytest

from core.logformat import OneLineFormatter
from core.security import SecurityHeadersMiddleware
from programmes.models import Programme
from tests.shared_data import copy_of

pytestmark = pytest.mark.django_db

PUBLIC = ["/", "/programmes/", "/acteurs/", "/projets/", "/programmes/export.csv", "/programmes/?q=zzzz", "/page-absente/"]
# Markup a `script-src 'self'; style-src 'self'` policy blocks.
INLINE = [
    (r"<script(?![^>]*\bsrc=)[^>]*>", "inline <script>"),
    (r"<style\b", "<style> element"),
    (r"\sstyle\s*=", "style attribute"),
    (r"\son[a-z]+\s*=", "event handler attribute"),
    (r"javascript:", "javascript: URL"),
]


@pytest.fixture
def demo(shared_demo, db):
    """The demo data, loaded once for this module (tests/shared_data.py)."""
    return copy_of(shared_demo)


def detail_pages():
    from actors.models import Actor

    return [f"/programmes/{Programme.objects.published().first().slug}/", f"/acteurs/{Actor.objects.published().first().slug}/"]


def assert_security_headers(response, url):
    csp = response.get("Content-Security-Policy", "")
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp, url
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp, url
    assert "camera=()" in response.get("Permissions-Policy", ""), url


def test_public_pages_send_the_policies(client, demo):
    for url in PUBLIC + detail_pages():
        assert_security_headers(client.get(url), url)


def test_admin_pages_send_the_policies(admin_client, demo):
    programme = Programme.objects.first()
    for url in ["/admin/", "/admin/programmes/programme/", f"/admin/programmes/programme/{programme.pk}/change/",
                f"/admin/programmes/programme/{programme.pk}/history/"]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response, url)
    assert_security_headers(admin_client.get("/admin/login/"), "/admin/login/")


def test_pages_from_the_cache_send_the_policies(client, demo, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/programmes/")
    cached = client.get("/programmes/")
    assert "ETag" in cached  # served by the page cache
    assert_security_headers(cached, "/programmes/ (cached)")


def test_static_files_send_the_policies(client, settings):
    settings.WHITENOISE_USE_FINDERS = settings.WHITENOISE_AUTOREFRESH = True  # no collectstatic in tests
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert_security_headers(response, "/static/css/site.css")


def test_public_pages_need_no_inline_script_or_style(client, demo):
    for url in PUBLIC + detail_pages():
        response = client.get(url)
        if response.streaming or not response["Content-Type"].startswith("text/html"):
            continue
        html = response.content.decode()
        found = [what for pattern, what in INLINE if re.search(pattern, html, re.I)]
        assert not found, (url, found)


def test_the_inline_check_sees_inline_markup():
    for html in ['<script>alert(1)</script>', '<p style="color:red">', "<style>p{}</style>", '<a onclick="x()">']:
        assert any(re.search(pattern, html, re.I) for pattern, _ in INLINE), html
    assert not any(re.search(pattern, '<script src="/static/a.js"></script>', re.I) for pattern, _ in INLINE)


def test_report_only_switch(client, settings):
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = True
    response = client.get("/")
    assert "Content-Security-Policy" not in response
    assert "script-src 'self'" in response["Content-Security-Policy-Report-Only"]


def test_an_empty_policy_sends_no_header(client, settings):
    settings.PERMISSIONS_POLICY = ""
    assert "Permissions-Policy" not in client.get("/")


def test_django_debug_pages_are_left_alone(rf, settings):
    """DEBUG's error pages are inline styles and scripts: no policy on them, in development only."""
    from django.http import HttpResponse

    settings.DEBUG = True
    middleware = SecurityHeadersMiddleware(lambda request: HttpResponse("debug page", status=500))
    assert "Content-Security-Policy" not in middleware(rf.get("/"))
    settings.DEBUG = False
    assert "Content-Security-Policy" in middleware(rf.get("/"))


def test_hsts_over_https_when_enabled(client, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert_security_headers(response, "/ over HTTPS")


def test_ssl_redirect_behind_a_proxy(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client.get("/").status_code == 301
    assert client.get("/", headers={"X-Forwarded-Proto": "https"}).status_code == 200


@pytest.mark.parametrize("secure", [True, False])
def test_language_cookie_flags(client, settings, secure):
    settings.LANGUAGE_COOKIE_SECURE = secure
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["samesite"] == "Lax" and cookie["httponly"] is True
    assert bool(cookie["secure"]) is secure


@pytest.fixture
def host_log():
    """What the `django.security.DisallowedHost` handlers write, and what reaches the root logger."""
    logger = logging.getLogger("django.security.DisallowedHost")
    stream, propagated = io.StringIO(), []
    # The configured handler (pytest adds its own capturing handlers to the logger too).
    handlers = [handler for handler in logger.handlers if isinstance(handler.formatter, OneLineFormatter)]
    assert len(handlers) == 1, logger.handlers
    streams = [(handler, handler.setStream(stream)) for handler in handlers]
    spy = logging.Handler()
    spy.emit = propagated.append
    logging.getLogger().addHandler(spy)
    yield stream, propagated
    logging.getLogger().removeHandler(spy)
    for handler, previous in streams:
        handler.setStream(previous)


def test_a_forged_host_gets_a_400_and_one_log_line(client, host_log):
    stream, propagated = host_log
    response = client.get("/programmes/", headers={"Host": "evil.example\r\nTraceback: forged"})
    assert response.status_code == 400
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert "Invalid HTTP_HOST header" in lines[0] and "Traceback" not in stream.getvalue().replace("Traceback: forged", "")
    assert not [r for r in propagated if r.name.startswith("django.security")]


def test_the_one_line_format_drops_the_traceback():
    try:
        raise ValueError("bad\nvalue")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed: %s", ("a\r\nb",), exc_info=sys.exc_info())
    record.exc_text = "Traceback (most recent call last): cached by another handler"
    text = OneLineFormatter("%(levelname)s %(message)s").format(record)
    assert text == "ERROR failed: a\\r\\nb"
