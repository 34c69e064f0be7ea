"""Reading a big queryset for an export: one query, streamed, relations as id lists.

`listed` puts a relation in the row's own query (one index probe per row, no query per
chunk); `stream_rows` reads the rows as the database sends them, in constant memory.
"""
from django.core.exceptions import EmptyResultSet
from django.db import connections, transaction
from django.db.models import Aggregate, CharField, OuterRef, Subquery

# Rows the database sends at a time.
CHUNK = 2000


class CommaList(Aggregate):
    """The group's values as one text, comma-separated, in no particular order (callers sort).

    No ORDER BY inside: SQLite before 3.44 has none for group_concat; sorting in Python by
    ranks read from the database keeps the database's collation anyway."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s, ',')"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, function="STRING_AGG", template="%(function)s((%(expressions)s)::text, ',')",
                           **extra_context)


def listed(links, owner, value):
    """A correlated subquery: `value` of the `links` rows whose `owner` is the outer row, comma-separated
    (NULL when none)."""
    group = links.filter(**{owner: OuterRef("pk")}).order_by().values(owner)
    return Subquery(group.annotate(listed=CommaList(value)).values("listed"), output_field=CharField())


def stream_rows(queryset, chunk_size=CHUNK):
    """The tuples of a `values_list()` queryset, in order, read as they arrive.

    PostgreSQL: psycopg's `stream` (libpq's chunked rows): the server keeps computing and sending
    while the caller formats, and nothing is copied first, where `iterator()` in autocommit
    would materialise the whole result in a WITH HOLD cursor before the first row.
    Elsewhere `iterator()` already reads as it goes (SQLite steps its statement)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        yield from queryset.iterator(chunk_size=chunk_size)
        return
    compiler = queryset.query.get_compiler(queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return
    from psycopg import capabilities

    # Chunked rows need libpq 17; before, one row at a time (slower, still streamed).
    size = chunk_size if capabilities.has_stream_chunked() else 1
    # A transaction for SET LOCAL: JIT would compile for about a second on 100,000 rows, before the
    # first row, to speed up expressions that run once per row. Read-only: closing early rolls back.
    with transaction.atomic(using=queryset.db), connection.cursor() as cursor, connection.wrap_database_errors:
        cursor.execute("SET LOCAL jit = off")
        rows = _stream(cursor, sql, params, size)
        try:
            # Django's converters and tuples, exactly as `values_list()` gives them.
            yield from compiler.results_iter(results=(rows,), tuple_expected=True)
        finally:
            # Closed early: psycopg cancels the query and frees the connection, which the
            # transaction's end needs (the stream holds the connection's lock while open).
            rows.close()


def _stream(cursor, sql, params, size):
    """psycopg's stream, started under the cursor's query log (DEBUG, assertNumQueries) when it keeps one."""
    stream = cursor.cursor.stream(sql, params, size=size)
    debug_sql = getattr(cursor, "debug_sql", None)
    if debug_sql is not None:
        with debug_sql(sql, params):
            first = next(stream, None)  # sends the query, inside the timed block
        if first is None:
            return
        yield first
    yield from stream
