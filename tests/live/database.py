"""A database of its own for the live tests, prepared by `manage.py` in subprocesses as production would.

Never pytest-django's test database: gunicorn's workers and the management commands are other
processes, which see only what is committed to a real database they all open by DATABASE_URL."""
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parents[2]
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python") if (BASE_DIR / ".venv" / "bin" / "python").exists() else sys.executable
ADMIN = ("live-admin", "live-admin-password-51")
# Variables of the test run that must not reach the product's processes (production settings, no demo date).
FOREIGN = ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "CACHE_URL", "DEMO_DATE")


def production_environment(database_url, **extra):
    """The production variables of docs/deploying.md, plain HTTP on localhost (as .ci/smoke sets them)."""
    environment = {name: value for name, value in os.environ.items() if name not in FOREIGN}
    environment.update(DATABASE_URL=database_url, DEBUG="false", HTTPS="false", ALLOWED_HOSTS="127.0.0.1,localhost",
                       SECRET_KEY=secrets.token_urlsafe(50), GEOGRAPHY_COMMUNES="false", **extra)
    return environment


def manage(environment, *args, input=None, timeout=300):
    """`manage.py <args>` in a new process; its stdout, or AssertionError with its output."""
    done = subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=environment, input=input,
                          capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def shell(environment, code):
    """Python `code` run by `manage.py shell -c` in a new process (a write from another process)."""
    return manage(environment, "shell", "--no-imports", "-c", code)


class LiveDatabase:
    """A fresh SQLite file in `directory`, or a new PostgreSQL database on the suite's server."""

    def __init__(self, directory):
        suite_url = os.environ.get("DATABASE_URL", "")
        self.postgres = suite_url.startswith(("postgres://", "postgresql://"))
        if self.postgres:
            self.name = f"hr_live_{secrets.token_hex(4)}"
            parts = urlsplit(suite_url)
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
        else:
            self.url = f"sqlite:///{directory / 'live.sqlite3'}"
        self.used = set()

    def _server(self, statement):
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(statement)

    def create(self):
        """migrate, load_demo_data, collectstatic and an administrator, each by `manage.py`."""
        if self.postgres:
            self._server(f'CREATE DATABASE "{self.name}"')
        environment = production_environment(self.url)
        manage(environment, "migrate", "--noinput", "-v", "0")
        manage(environment, "load_demo_data")
        manage(environment, "collectstatic", "--noinput", "-v", "0")
        user, password = ADMIN
        shell(environment, "from django.contrib.auth import get_user_model; "
                           f"get_user_model().objects.create_superuser({user!r}, 'live@example.org', {password!r})")

    def drop(self):
        if self.postgres:
            self._server(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def take(self, slugs):
        """The first of `slugs` no earlier test took (both cache modes share the database)."""
        slug = next(slug for slug in slugs if slug not in self.used)
        self.used.add(slug)
        return slug
