"""Bulk writes at a fraction of the ORM's cost, for imports of 100,000 rows.

- `update_rows`: QuerySet.bulk_update's outcome. Django's builds one `CASE WHEN id = … THEN …`
  per row and per field (slow in Python at 20 fields, and a CASE the database
  walks for every row); here PostgreSQL joins the rows from `UNNEST` and SQLite
  (in-process) runs one prepared statement per row.
- `insert_rows`: QuerySet.bulk_create's outcome (the new ids set on the instances), without
  compiling every value separately; `insert_values`: plain tuples, for link tables.
On PostgreSQL the rows go as one array per column, `UNNEST(%s::varchar[], %s::date[], …)`, as
Django's own bulk_create does: a `VALUES` list has a placeholder per value (19,000 in 500 rows
of a programme), which psycopg parses and PostgreSQL plans for every statement, a sixth of an
import's time. Like the ORM's bulk methods they send no signal; `update_rows` leaves `auto_now`
to the caller. Other databases fall back to the ORM.
"""
from django.db import connections, router

from .arrays import IdArrayField

BATCH = 500


def _connection(model):
    return connections[router.db_for_write(model)]


def _fast(connection):
    return connection.vendor in ("postgresql", "sqlite")


def _unnest(fields, connection):
    """`UNNEST(%s::type[], …)` for `fields`, to be given one list of values per field. The
    array types drop their size (varchar, not varchar(300)[]): values are never cut."""
    return "UNNEST(" + ", ".join(f"%s::{field.db_type(connection).split('(')[0]}[]" for field in fields) + ")"


def _columns(rows):
    """Rows of values → one list per column."""
    return [list(column) for column in zip(*rows)]


def _prepared(objs, fields, connection):
    for obj in objs:
        values = [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
        yield [*values, obj.pk]


def update_rows(model, objs, field_names, *, batch_size=BATCH, derived=None):
    """Write `field_names` of `objs` (saved instances of `model`) to their rows.

    `derived` (PostgreSQL only): {column: SQL expression} computed in the same UPDATE from the
    new values, named `v.<column>` (a search vector from the analysed text, say)."""
    objs = list(objs)
    if not objs or not field_names:
        return
    connection = _connection(model)
    fields = [model._meta.get_field(name) for name in field_names]
    pk = model._meta.pk
    if derived and connection.vendor != "postgresql":
        raise ValueError("update_rows(derived=...) needs PostgreSQL")
    if not _fast(connection):
        model._base_manager.bulk_update(objs, field_names, batch_size=batch_size)
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(objs), batch_size):
            rows = list(_prepared(objs[start:start + batch_size], fields, connection))
            if connection.vendor == "sqlite":
                assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
                cursor.executemany(f"UPDATE {table} SET {assignments} WHERE {quote(pk.column)} = %s", rows)
                continue
            names = ", ".join(quote(f.column) for f in [*fields, pk])
            assignments = ", ".join([f"{quote(f.column)} = v.{quote(f.column)}" for f in fields]
                                    + [f"{quote(column)} = {sql}" for column, sql in (derived or {}).items()])
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM {_unnest([*fields, pk], connection)} AS v({names}) "
                f"WHERE {table}.{quote(pk.column)} = v.{quote(pk.column)}",
                _columns(rows),
            )


def _batches(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _size(connection, columns, batch_size):
    # SQLite takes 999 parameters per statement (Django's own limit for it).
    return min(batch_size, max(1, 999 // columns)) if connection.vendor == "sqlite" else batch_size


def insert_rows(model, objs, *, batch_size=BATCH, derived=None):
    """Insert new instances of `model` (auto primary key), setting their ids.

    `derived` (PostgreSQL only): {column: SQL expression} computed in the same INSERT from the
    other values, named `v.<column>` (a search vector from the analysed text, say)."""
    objs = list(objs)
    connection = _connection(model)
    if derived and connection.vendor != "postgresql":
        raise ValueError("insert_rows(derived=...) needs PostgreSQL")
    if not objs or not _fast(connection):
        return model._base_manager.bulk_create(objs, batch_size=batch_size) if objs else objs
    derived = derived or {}
    # Arrays copied from link rows (`core.arrays`) come after the links: the caller refreshes them.
    fields = [f for f in model._meta.concrete_fields if not f.primary_key and f.column not in derived and not isinstance(f, IdArrayField)]
    quote = connection.ops.quote_name
    columns = ", ".join([quote(f.column) for f in fields] + [quote(column) for column in derived])
    with connection.cursor() as cursor:
        for batch in _batches(objs, _size(connection, len(fields), batch_size)):
            rows = [[f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields] for obj in batch]
            cursor.execute(
                f"INSERT INTO {quote(model._meta.db_table)} ({columns}) {_rows_sql(fields, rows, connection, derived)} "
                f"RETURNING {quote(model._meta.pk.column)}", _params(rows, connection))
            for obj, (pk,) in zip(batch, cursor.fetchall()):  # in the order given, as bulk_create relies on
                obj.pk = pk
                obj._state.adding, obj._state.db = False, connection.alias
    return objs


def insert_values(model, field_names, rows, *, batch_size=1000):
    """Insert `rows` (tuples of raw values for `field_names`) into `model`'s table."""
    rows = list(rows)
    if not rows:
        return
    connection = _connection(model)
    if not _fast(connection):
        model._base_manager.bulk_create([model(**dict(zip(field_names, row))) for row in rows], batch_size=batch_size)
        return
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in field_names]
    columns = ", ".join(quote(field.column) for field in fields)
    with connection.cursor() as cursor:
        for batch in _batches(rows, _size(connection, len(field_names), batch_size)):
            cursor.execute(f"INSERT INTO {quote(model._meta.db_table)} ({columns}) {_rows_sql(fields, batch, connection)}",
                           _params(batch, connection))


def _rows_sql(fields, rows, connection, derived=None):
    """What an INSERT takes its rows from: UNNEST on PostgreSQL (and the derived columns'
    expressions over its values `v.*`), a VALUES list on SQLite."""
    if connection.vendor == "postgresql":
        if not derived:
            return f"SELECT * FROM {_unnest(fields, connection)}"
        names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        return f"SELECT v.*, {', '.join(derived.values())} FROM {_unnest(fields, connection)} AS v({names})"
    return "VALUES " + ", ".join([f"({', '.join(['%s'] * len(fields))})"] * len(rows))


def _params(rows, connection):
    return _columns(rows) if connection.vendor == "postgresql" else [value for row in rows for value in row]
