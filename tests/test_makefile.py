"""`make run` serves where SITE_URL points: links in e-mails, exports and the sitemap use it."""
import os
import shutil
import subprocess

import pytest

from health_registry.settings import BASE_DIR

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def make(*args, **environment):
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "HOST", "PORT", "MAKEFLAGS"}} | environment
    done = subprocess.run(["make", "-s", "--no-print-directory", *args], cwd=BASE_DIR, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def runserver_line(*args, **environment):
    """The command `make run` would start (dry run: nothing installed, migrated nor served)."""
    [line] = [line for line in make("-n", "run", *args, **environment).splitlines() if "runserver" in line]
    return line


def test_run_points_site_url_at_the_port_it_serves():
    assert "SITE_URL='http://127.0.0.1:8001'" in runserver_line("PORT=8001")
    assert runserver_line("PORT=8001").endswith("runserver 127.0.0.1:8001")
    assert "SITE_URL='http://127.0.0.1:8000'" in runserver_line()


def test_run_keeps_a_site_url_that_is_set():
    assert "SITE_URL='https://annuaire.example.fr'" in runserver_line(SITE_URL="https://annuaire.example.fr/")


@pytest.mark.parametrize("args, environment", [
    (["PORT=8001"], {"SITE_URL": "http://127.0.0.1:8000"}),
    (["PORT=8001", "SITE_URL=http://127.0.0.1:8000/"], {}),
    ([], {"SITE_URL": "https://annuaire.example.fr"}),
])
def test_a_site_url_naming_another_address_is_warned_about(args, environment):
    output = make("check-site-url", *args, **environment)
    assert output.startswith("Warning: SITE_URL=") and "is not the address served" in output


@pytest.mark.parametrize("args, environment", [
    ([], {}),
    (["PORT=8001"], {}),
    (["PORT=8001"], {"SITE_URL": "http://127.0.0.1:8001/"}),
])
def test_no_warning_when_site_url_is_the_address_served(args, environment):
    assert make("check-site-url", *args, **environment) == ""
