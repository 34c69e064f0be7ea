"""An index that serves `startswith` (`LIKE 'abc%'`) on PostgreSQL and SQLite alike."""
from django.db import models
from django.db.models import F
from django.db.models.functions import Collate


class PrefixIndex(models.Index):
    """A B-tree index on `fields` whose last field is searched by its start.

    A plain index serves no `LIKE` on either database: PostgreSQL matches patterns with the
    pattern operator class only (unless the database's collation is C), and SQLite's `LIKE`
    ignores ASCII case, so it uses an index only if that column is NOCASE. The leading fields
    are compared for equality (`kind = 'commune'`): with them in the index, SQLite picks it
    without statistics, where it would pick the (kind, code) index."""

    def _for(self, connection):
        if connection.vendor == "postgresql":
            return models.Index(fields=self.fields, name=self.name, opclasses=["varchar_pattern_ops"] * len(self.fields))
        if connection.vendor == "sqlite":
            *equal, searched = self.fields
            return models.Index(*(F(field) for field in equal), Collate(F(searched), "NOCASE"), name=self.name)
        return models.Index(fields=self.fields, name=self.name)

    def create_sql(self, model, schema_editor, using="", **kwargs):
        return self._for(schema_editor.connection).create_sql(model, schema_editor, using=using, **kwargs)
