"""A list of ids kept in a row, filtered by overlap: an indexed condition on PostgreSQL.

A filter over a link table ("has one of these themes", "applies in this territory") is a
semi-join of every matching row with the link table. Kept in the row as an array, it becomes
`column && ARRAY[…]`, which a GIN index answers and the planner combines with the full-text
index by bitmap AND. SQLite keeps the same list as JSON text and reads it with `json_each`:
the same rows on both databases, without the index.
"""
import json

from django.db import models
from django.db.models import Lookup


class IdArrayField(models.Field):
    """`bigint[]` on PostgreSQL, JSON text elsewhere; always a sorted list of ints in Python."""

    description = "A sorted list of ids"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def db_type(self, connection):
        return "bigint[]" if connection.vendor == "postgresql" else "text"

    def get_db_prep_value(self, value, connection, prepared=False):
        ids = sorted({int(i) for i in value or ()})
        return ids if connection.vendor == "postgresql" else json.dumps(ids)

    def from_db_value(self, value, expression, connection):
        if value is None:
            return []
        return list(value) if isinstance(value, list) else json.loads(value)

    def to_python(self, value):
        if isinstance(value, str):
            return json.loads(value)
        return list(value or ())


@IdArrayField.register_lookup
class Overlaps(Lookup):
    """`field__overlaps=[ids]`: the row's list shares at least one id with `ids`."""

    lookup_name = "overlaps"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        ids = sorted({int(i) for i in self.rhs})
        if connection.vendor == "postgresql":
            return f"{lhs} && %s::bigint[]", [*params, ids]
        return (f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value IN (SELECT value FROM json_each(%s)))",
                [*params, json.dumps(ids)])


def elements_join(connection, column, alias):
    """SQL to add after `FROM f` that gives one row per element of `column`, named `alias.value`."""
    if connection.vendor == "postgresql":
        return f"CROSS JOIN LATERAL unnest({column}) AS {alias}(value)"
    return f"CROSS JOIN json_each({column}) AS {alias}"


def gin_index_sql(table, column):
    """For a migration: a GIN index on an array column (PostgreSQL only, else None)."""
    return f'CREATE INDEX IF NOT EXISTS "{table}_{column}_gin" ON "{table}" USING gin ("{column}")'
