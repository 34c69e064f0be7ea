"""Production settings plus the no-op view (benchmarks only)."""
from health_registry.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
# Production settings, without a collectstatic step.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
