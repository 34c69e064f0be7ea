from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """French full-text search: one analyser, an index on each database, synonyms, suggestions."""

    name = "search"
    verbose_name = _("Recherche")
