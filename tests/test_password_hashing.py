"""The test suite hashes passwords fast; the product's own settings keep Django's strong default."""
from django.conf import global_settings
from django.contrib.auth.hashers import get_hasher

import health_registry.settings as production


def test_production_settings_keep_the_default_pbkdf2_hasher():
    hashers = getattr(production, "PASSWORD_HASHERS", global_settings.PASSWORD_HASHERS)
    assert hashers[0] == "django.contrib.auth.hashers.PBKDF2PasswordHasher"


def test_the_test_suite_uses_the_fast_hasher():
    assert get_hasher().algorithm == "md5"
