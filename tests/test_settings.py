"""Production settings, read in a child process from the environment as a server would:
`check --deploy` is clean with the production block of docs/deploying.md, DEBUG is off unless asked
for, a weak SECRET_KEY is refused, cookies and HTTPS follow the switches."""
import json
import os
import re
import secrets
import subprocess
import sys

import pytest

from health_registry.settings import BASE_DIR

# Variables this module sets itself: a value from the shell running the tests must not leak in.
CONTROLLED = {
    "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "HTTPS", "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER", "SECURE_COOKIES", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD", "CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY", "PERMISSIONS_POLICY",
    "DJANGO_SETTINGS_MODULE", "REDIS_URL", "CACHE_URL", "CONN_MAX_AGE", "CONN_HEALTH_CHECKS",
    # Set by the browser tests' conftest for the live server; a deployment must not have it.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}
STRONG_KEY = secrets.token_urlsafe(50)


def documented_production_environment():
    """The variables of the `export` in the production block of docs/deploying.md, placeholders filled in."""
    text = (BASE_DIR / "docs" / "deploying.md").read_text(encoding="utf-8")
    block = text.split("**Production**", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    statement = re.search(r"^export (.*?)(?<!\\)$", block.replace("\\\n", " "), re.M).group(1)
    env = dict(re.findall(r"(\w+)=(\S+)", statement))
    # The placeholders: a real key; the database and cache are not reached by `check`.
    return env | {"SECRET_KEY": STRONG_KEY, "DATABASE_URL": "sqlite:///unused.sqlite3"}


def child_env(**variables):
    env = {k: v for k, v in os.environ.items() if k not in CONTROLLED}
    return env | {"DJANGO_SETTINGS_MODULE": "health_registry.settings"} | variables


def run(args, **variables):
    return subprocess.run([sys.executable, *args], cwd=BASE_DIR, env=child_env(**variables), capture_output=True, text=True, timeout=120)


def production_settings(**variables):
    """The settings a production server gets from these variables (plus a strong key)."""
    names = [
        "DEBUG", "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SECURE", "LANGUAGE_COOKIE_SAMESITE", "LANGUAGE_COOKIE_HTTPONLY", "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "CSRF_TRUSTED_ORIGINS", "CONTENT_SECURITY_POLICY",
        "PERMISSIONS_POLICY",
    ]
    code = f"import json; from health_registry import settings as s; print(json.dumps({{n: getattr(s, n) for n in {names!r}}}))"
    result = run(["-c", code], **({"SECRET_KEY": STRONG_KEY} | variables))
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def database_settings(database_url, **variables):
    """(CONN_MAX_AGE, CONN_HEALTH_CHECKS) of the default database with these variables (plus a strong key)."""
    code = "from health_registry import settings as s; d = s.DATABASES['default']; print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
    result = run(["-c", code], **({"SECRET_KEY": STRONG_KEY, "DATABASE_URL": database_url} | variables))
    assert result.returncode == 0, result.stderr[-2000:]
    max_age, health_checks = result.stdout.split()
    return int(max_age), health_checks == "True"


POSTGRES_URL = "postgres://app@db.example.fr:5432/health_registry"


def test_production_reuses_postgresql_connections_and_checks_them():
    """One connection per request would open a PostgreSQL backend for every page."""
    assert database_settings(POSTGRES_URL) == (60, True)


def test_connection_reuse_comes_from_the_environment():
    assert database_settings(POSTGRES_URL, CONN_MAX_AGE="0") == (0, True)
    assert database_settings(POSTGRES_URL, CONN_MAX_AGE="600", CONN_HEALTH_CHECKS="false") == (600, False)
    assert database_settings("sqlite:///db.sqlite3", CONN_MAX_AGE="30") == (30, True)


def test_sqlite_and_development_open_a_connection_per_request():
    """SQLite saves nothing by keeping a file open; runserver's thread per request would leave one behind each."""
    assert database_settings("sqlite:///db.sqlite3")[0] == 0
    assert database_settings(POSTGRES_URL, DEBUG="true")[0] == 0


def test_check_deploy_is_clean_with_the_documented_production_environment():
    env = documented_production_environment()
    assert env["DEBUG"] == "false" and "CSRF_TRUSTED_ORIGINS" in env
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_without_https():
    """The check above can fail: the same environment over plain HTTP gets warnings."""
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **documented_production_environment(), HTTPS="false")
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


def test_debug_is_off_unless_asked_for():
    assert production_settings()["DEBUG"] is False
    assert production_settings(DEBUG="true")["DEBUG"] is True


@pytest.mark.parametrize("key", [
    "k7#Qx" * 9 + "abcd",  # 49 characters
    "ab" * 40,  # 2 distinct characters
    "abcd" * 20,  # 4 distinct characters
    pytest.param("django-insecure-" + secrets.token_urlsafe(50), id="django-insecure-generated"),  # Django's development key; a fixed id, as every xdist worker must collect the same names
    "dev-insecure-key-do-not-use-in-production",
])
def test_a_weak_secret_key_is_refused_when_debug_is_off(key):
    result = run(["-c", "import health_registry.settings"], DEBUG="false", SECRET_KEY=key)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY" in result.stderr


def test_a_missing_secret_key_is_refused_when_debug_is_off():
    result = run(["-c", "import health_registry.settings"], DEBUG="false")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_a_strong_secret_key_starts():
    assert run(["-c", "import health_registry.settings"], DEBUG="false", SECRET_KEY="abcde" * 10).returncode == 0


def test_production_defaults_are_https_only():
    s = production_settings()
    assert s["SECURE_SSL_REDIRECT"] and s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"]
    assert s["LANGUAGE_COOKIE_SECURE"] is True
    assert (s["LANGUAGE_COOKIE_SAMESITE"], s["LANGUAGE_COOKIE_HTTPONLY"]) == ("Lax", True)
    assert s["SECURE_HSTS_SECONDS"] == 31536000
    # These two bind other hosts and the browsers' preload list: only when asked for.
    assert (s["SECURE_HSTS_INCLUDE_SUBDOMAINS"], s["SECURE_HSTS_PRELOAD"]) == (False, False)
    assert s["SECURE_PROXY_SSL_HEADER"] is None
    assert "script-src 'self'" in s["CONTENT_SECURITY_POLICY"] and "unsafe-inline" not in s["CONTENT_SECURITY_POLICY"]
    assert "camera=()" in s["PERMISSIONS_POLICY"]


def test_every_switch_comes_from_the_environment():
    s = production_settings(
        SECURE_HSTS_SECONDS="600", SECURE_HSTS_INCLUDE_SUBDOMAINS="true", SECURE_HSTS_PRELOAD="true",
        SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto", CSRF_TRUSTED_ORIGINS="https://a.example.fr, https://b.example.fr",
        CONTENT_SECURITY_POLICY="default-src 'none'", PERMISSIONS_POLICY="camera=()",
    )
    assert (s["SECURE_HSTS_SECONDS"], s["SECURE_HSTS_INCLUDE_SUBDOMAINS"], s["SECURE_HSTS_PRELOAD"]) == (600, True, True)
    assert s["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert s["CSRF_TRUSTED_ORIGINS"] == ["https://a.example.fr", "https://b.example.fr"]
    assert (s["CONTENT_SECURITY_POLICY"], s["PERMISSIONS_POLICY"]) == ("default-src 'none'", "camera=()")
    assert production_settings(SECURE_PROXY_SSL_HEADER="X-Scheme=secure")["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_SCHEME", "secure"]


def test_plain_http_turns_the_https_defaults_off():
    s = production_settings(HTTPS="false")
    assert not (s["SECURE_SSL_REDIRECT"] or s["SESSION_COOKIE_SECURE"] or s["LANGUAGE_COOKIE_SECURE"] or s["SECURE_HSTS_SECONDS"])
    assert s["LANGUAGE_COOKIE_SAMESITE"] == "Lax"


def test_development_is_plain_http():
    s = production_settings(DEBUG="true")
    assert not (s["SECURE_SSL_REDIRECT"] or s["SESSION_COOKIE_SECURE"] or s["SECURE_HSTS_SECONDS"])


def test_manage_py_works_in_a_bare_checkout():
    """No variable set at all (a fresh clone): development commands run; a server (which sets
    SECRET_KEY) still gets DEBUG off."""
    result = run(["manage.py", "makemigrations", "--check", "--dry-run"])
    assert result.returncode == 0, result.stdout + result.stderr
    served = run(["manage.py", "shell", "-c", "from django.conf import settings; print(settings.DEBUG)"], SECRET_KEY=STRONG_KEY)
    assert served.stdout.strip().splitlines()[-1] == "False", served.stderr[-2000:]
