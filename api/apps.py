from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The read-only JSON API (/api/v1/): the public listings' FilterSets, as JSON."""

    name = "api"

    def ready(self):
        from . import schema  # noqa: F401  (registers the OpenAPI extension of the filter backend)
