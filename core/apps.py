from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared plumbing with no models: text folding, CSV, filter and view bases."""

    name = "core"
