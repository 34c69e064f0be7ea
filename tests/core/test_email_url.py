"""EMAIL_URL: every documented form, malformed ones refused by name, and the settings reading it
in a child process as a server would (EMAIL_CONFIGURED says whether mail can leave)."""
import json
import os
import re
import secrets
import subprocess
import sys

import pytest

from core.email_url import EmailUrlError, parse_email_url
from health_registry.settings import BASE_DIR

SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize("url, expected", [
    ("smtp://mail.example.org", {"EMAIL_HOST": "mail.example.org", "EMAIL_PORT": 25, "EMAIL_HOST_USER": "",
                                 "EMAIL_HOST_PASSWORD": "", "EMAIL_USE_TLS": False, "EMAIL_USE_SSL": False}),
    ("smtp://user:pass@mail.example.org:2525", {"EMAIL_HOST": "mail.example.org", "EMAIL_PORT": 2525,
                                               "EMAIL_HOST_USER": "user", "EMAIL_HOST_PASSWORD": "pass",
                                               "EMAIL_USE_TLS": False, "EMAIL_USE_SSL": False}),
    ("smtp+tls://bob%40example.org:p%40ss%3Aw0rd@smtp.example.org", {
        "EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": 587, "EMAIL_HOST_USER": "bob@example.org",
        "EMAIL_HOST_PASSWORD": "p@ss:w0rd", "EMAIL_USE_TLS": True, "EMAIL_USE_SSL": False}),
    ("SMTP+SSL://u:p@smtp.example.org", {"EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": 465, "EMAIL_HOST_USER": "u",
                                         "EMAIL_HOST_PASSWORD": "p", "EMAIL_USE_TLS": False, "EMAIL_USE_SSL": True}),
    ("smtp+tls://[2001:db8::1]:1587", {"EMAIL_HOST": "2001:db8::1", "EMAIL_PORT": 1587, "EMAIL_HOST_USER": "",
                                       "EMAIL_HOST_PASSWORD": "", "EMAIL_USE_TLS": True, "EMAIL_USE_SSL": False}),
])
def test_smtp_urls(url, expected):
    assert parse_email_url(url) == {"EMAIL_BACKEND": SMTP, **expected}


@pytest.mark.parametrize("url, expected", [
    ("console://", {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}),
    ("locmem://", {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}),
    ("file:///var/tmp/mails", {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                               "EMAIL_FILE_PATH": "/var/tmp/mails"}),
    ("file:///var/tmp/my%20mails", {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                                    "EMAIL_FILE_PATH": "/var/tmp/my mails"}),
])
def test_other_backends(url, expected):
    assert parse_email_url(url) == expected


@pytest.mark.parametrize("url, words", [
    ("smtps://mail.example.org", "unknown scheme 'smtps'"),
    ("mail.example.org:25", "unknown scheme"),
    ("", "unknown scheme '(none)'"),
    ("smtp://", "needs a host"),
    ("smtp://mail.example.org:port", "not a valid URL"),
    ("smtp://mail.example.org:99999", "not a valid URL"),
    ("file://", "needs the directory"),
])
def test_malformed_urls_are_refused_with_a_message(url, words):
    with pytest.raises(EmailUrlError, match=re.escape(words)):
        parse_email_url(url)


def settings_of(**variables):
    """Mail settings of a production server started with these variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_") and k not in {"DEBUG", "SECRET_KEY"}}
    env |= {"DJANGO_SETTINGS_MODULE": "health_registry.settings", "SECRET_KEY": secrets.token_urlsafe(50), **variables}
    code = ("import json; from django.conf import settings as s; print(json.dumps({n: getattr(s, n, None) for n in "
            "['EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER', 'EMAIL_HOST_PASSWORD', "
            "'EMAIL_USE_TLS', 'EMAIL_USE_SSL', 'EMAIL_FILE_PATH', 'EMAIL_CONFIGURED', 'DEFAULT_FROM_EMAIL']}))")
    result = subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60)
    return result


def test_settings_read_email_url():
    result = settings_of(EMAIL_URL="smtp+tls://alerts:s3cret@smtp.example.org:2587",
                         DEFAULT_FROM_EMAIL="Annuaire <annuaire@example.org>")
    assert result.returncode == 0, result.stderr
    mail = json.loads(result.stdout)
    assert mail == {"EMAIL_BACKEND": SMTP, "EMAIL_HOST": "smtp.example.org", "EMAIL_PORT": 2587,
                    "EMAIL_HOST_USER": "alerts", "EMAIL_HOST_PASSWORD": "s3cret", "EMAIL_USE_TLS": True,
                    "EMAIL_USE_SSL": False, "EMAIL_FILE_PATH": None, "EMAIL_CONFIGURED": True,
                    "DEFAULT_FROM_EMAIL": "Annuaire <annuaire@example.org>"}


def test_production_without_mail_settings_is_not_configured_and_development_uses_the_console():
    production = json.loads(settings_of().stdout)
    assert production["EMAIL_CONFIGURED"] is False
    development = json.loads(settings_of(DEBUG="true").stdout)
    assert development["EMAIL_CONFIGURED"] is True
    assert development["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert json.loads(settings_of(EMAIL_HOST="smtp.example.org").stdout)["EMAIL_CONFIGURED"] is True


def test_a_malformed_email_url_stops_the_start_with_its_message():
    result = settings_of(EMAIL_URL="smtps://smtp.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "unknown scheme 'smtps'" in result.stderr
