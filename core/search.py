"""Folded-text search over a denormalised `search_text` column, identical on SQLite and PostgreSQL."""
from django.db import models

from .text import search_words


class SearchableQuerySet(models.QuerySet):
    def search(self, query):
        """AND of the folded words over `search_text` (kept current by each app's services)."""
        queryset = self
        for word in search_words(query):
            queryset = queryset.filter(search_text__contains=word)
        return queryset
