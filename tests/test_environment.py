import os
import subprocess
import sys

import pytest
from django.db import connection

from health_registry.settings import BASE_DIR


@pytest.mark.django_db
def test_suite_runs_on_the_expected_database():
    """CI sets EXPECT_DB_VENDOR so a misconfigured run cannot pass on the wrong database;
    locally the vendor must follow DATABASE_URL (SQLite when unset)."""
    url = os.environ.get("DATABASE_URL", "")
    default = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == os.environ.get("EXPECT_DB_VENDOR", default)


def _import_settings(env):
    code = "import health_registry.settings"
    return subprocess.run([sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True)


def test_production_refuses_the_development_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"} | {"DEBUG": "false"}
    result = _import_settings(env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_secret_key():
    env = dict(os.environ) | {"DEBUG": "false", "SECRET_KEY": "k7#Qx-" * 9}  # 54 characters, 6 distinct
    assert _import_settings(env).returncode == 0
