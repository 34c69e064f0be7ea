"""History records of rows written in bulk, copied by the database from the rows themselves.

What django-simple-history's `bulk_history_create` writes — one record per row with its
tracked fields, user, reason, date and type — plus the snapshot of its many-to-many fields
that a single save records, but as one `INSERT … SELECT` per table: building a historical
instance per row in Python cost more than writing the rows (CSV imports of 100,000 rows).
Like `bulk_history_create`, no history signal is sent.
"""
from django.db import connections, router
from django.utils import timezone
from simple_history.utils import get_history_model_for_model

CREATED, CHANGED, DELETED = "+", "~", "-"
BATCH = 500


def _columns(fields):
    return [field.column for field in fields]


def _placeholders(count):
    return ", ".join(["%s"] * count)


def record_rows(model, ids, *, history_type, user=None, reason=None):
    """One history record per row of `model` in `ids` (rows as stored now); returns {row id: history id}."""
    ids = list(ids)
    if not ids:
        return {}
    history = get_history_model_for_model(model)
    connection = connections[router.db_for_write(history)]
    quote = connection.ops.quote_name
    tracked = _columns(history.tracked_fields)
    extra = [history._meta.get_field(name).column for name in ("history_date", "history_user", "history_change_reason", "history_type")]
    date = history._meta.get_field("history_date").get_db_prep_value(timezone.now(), connection)
    pk = quote(model._meta.pk.column)
    found = {}
    with connection.cursor() as cursor:
        for start in range(0, len(ids), BATCH):
            batch = ids[start:start + BATCH]
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(quote(c) for c in tracked + extra)}) "
                f"SELECT {', '.join(quote(c) for c in tracked)}, %s, %s, %s, %s FROM {quote(model._meta.db_table)} "
                f"WHERE {pk} IN ({_placeholders(len(batch))}) RETURNING {pk}, {quote(history._meta.pk.column)}",
                [date, getattr(user, "pk", None), reason, history_type, *batch],
            )
            found.update(cursor.fetchall())
    record_relations(model, found)
    return found


def record_relations(model, records):
    """The many-to-many snapshot of each new record ({row id: history id}), as stored now."""
    history = get_history_model_for_model(model)
    if not records or not getattr(history, "_history_m2m_fields", None):
        return
    connection = connections[router.db_for_write(history)]
    quote = connection.ops.quote_name
    history_ids = list(records.values())
    for field in history._history_m2m_fields:
        through = field.remote_field.through
        snapshot = getattr(history, field.name).model
        owner = through._meta.get_field(field.m2m_field_name()).column
        columns = _columns(through._meta.fields)
        record = snapshot._meta.get_field("history").column
        with connection.cursor() as cursor:
            for start in range(0, len(history_ids), BATCH):
                batch = history_ids[start:start + BATCH]
                cursor.execute(
                    f"INSERT INTO {quote(snapshot._meta.db_table)} ({', '.join(quote(c) for c in columns)}, {quote(record)}) "
                    f"SELECT {', '.join('t.' + quote(c) for c in columns)}, h.{quote(history._meta.pk.column)} "
                    f"FROM {quote(through._meta.db_table)} t JOIN {quote(history._meta.db_table)} h ON h.{quote(model._meta.pk.column)} = t.{quote(owner)} "
                    f"WHERE h.{quote(history._meta.pk.column)} IN ({_placeholders(len(batch))})",
                    batch,
                )
