"""A programme's links copied into arrays of its own row, for the listing's filters and facets.

- `theme_ids`, `audience_ids`: the ids of its themes and audiences;
- `territory_keys`: for each of its territories T, every territory containing T, T included
  (as positive ids), and T itself negated. "Applies in X" (T inside X, or T containing X,
  see `TerritoryScope`) is then one overlap: `territory_keys && [X, -each territory containing X]`.

PostgreSQL answers these overlaps from GIN indexes, and combines them with the full-text
index: the listing's rows, order, count and facet counts come from the indexes, whatever
the directory's size. The arrays are written by `refresh` only, which every write of a
programme's links calls (through `ProgrammeQuerySet.reindex`) and every change of the
territory tree (`territories.services` calls the hook registered in `ProgrammesConfig.ready`).
"""
from django.core.exceptions import EmptyResultSet
from django.db import connection


def territory_keys_applying_in(scope):
    """The keys of the programmes that apply in `scope.territory` (one overlap)."""
    return [scope.territory.id, *(-ancestor for ancestor in scope.containing_ids)]


def national_keys(supra_ids):
    """The keys of programmes attached to France or Europe themselves."""
    return [-pk for pk in supra_ids]


def _aggregate(select):
    """An array of the ids `select` gives (one column), for a correlated subquery."""
    if connection.vendor == "postgresql":
        return f"ARRAY({select} ORDER BY 1)"
    return f"(SELECT json_group_array(k) FROM ({select}))"


def refresh(ids_query):
    """Rewrite the arrays of the programmes whose ids `ids_query` (a values("id") queryset) selects."""
    from territories.models import TerritoryClosure

    from ..models import Programme

    quote = connection.ops.quote_name
    table = quote(Programme._meta.db_table)
    through = {name: quote(getattr(Programme, name).through._meta.db_table) for name in ("themes", "audiences", "territories")}
    closure = quote(TerritoryClosure._meta.db_table)
    row = f"{table}.{quote('id')}"
    keys = (f"SELECT c.ancestor_id AS k FROM {through['territories']} l JOIN {closure} c ON c.descendant_id = l.territory_id"
            f" WHERE l.programme_id = {row} UNION SELECT -l.territory_id AS k FROM {through['territories']} l WHERE l.programme_id = {row}")
    assignments = {
        "theme_ids": _aggregate(f"SELECT l.theme_id AS k FROM {through['themes']} l WHERE l.programme_id = {row}"),
        "audience_ids": _aggregate(f"SELECT l.audience_id AS k FROM {through['audiences']} l WHERE l.programme_id = {row}"),
        "territory_keys": _aggregate(keys),
    }
    try:
        sql, params = ids_query.query.sql_with_params()
    except EmptyResultSet:  # no ids
        return
    setting = ", ".join(f"{quote(column)} = {value}" for column, value in assignments.items())
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET {setting} WHERE {quote('id')} IN ({sql})", params)
