"""Settings of the test suite: the project's settings with DEBUG on unless the environment says
otherwise (they default to production), as `make test` and `make run` set it. pytest imports
them before any conftest runs, hence this module (pytest.ini's DJANGO_SETTINGS_MODULE).
pytest-django still runs each test with settings.DEBUG = False, like production."""
import os

os.environ.setdefault("DEBUG", "true")

from health_registry.settings import *  # noqa: E402, F403

# Every test database runs `migrate`: the geography without its 35,000 communes (tests that
# need them load them, tests/territories/test_geography.py).
GEOGRAPHY_COMMUNES = False

# Every test user's password is hashed at creation: PBKDF2's ~1M iterations cost most of a
# workflow test's setup. Production keeps Django's default (tests/test_password_hashing.py).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
