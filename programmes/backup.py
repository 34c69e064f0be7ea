"""Backup and restore through Django's serializers: one file, any database engine.

The file (JSON Lines, compressed by its extension: `.jsonl.gz`; times to the microsecond) holds every row that is data,
history included, and no row that is derived or made by `migrate`:
- left out and rebuilt on restore: the territory closure and the search index (SQLite FTS5
  tables, the vocabulary of "did you mean"); the search columns of each entry are rebuilt too;
- left out and recreated by `migrate`/`flush`: content types and permissions. References to them,
  to accounts and to groups are written as natural keys (names), so their ids need not match;
- left out: sessions (everyone signs in again).
Restoring empties the database (`flush`), loads the file with history recording off (the
history rows are in the file: loading many-to-many links would otherwise add a record to each
entry), then rebuilds what was left out, in one transaction: a failure leaves the database as it was.
"""
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings

from search.index import FtsEntry, forget_synonyms
from territories.services import rebuild_closure

from .services import rebuild_search_index

# Django's `jsonl` with datetimes to the microsecond (see core.jsonl); read back as plain `jsonl`.
FORMAT = "jsonl-exact"
SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.bz2", ".jsonl.xz", ".jsonl.lzma")
LEFT_OUT = ("contenttypes", "auth.permission", "sessions", "territories.territoryclosure", "search.term")


def left_out_models():
    """Labels for dumpdata's --exclude: the fixed list and every unmanaged (FTS5) model."""
    unmanaged = [model._meta.label_lower for model in apps.get_models() if not model._meta.managed]
    return [*LEFT_OUT, *unmanaged]


def check_backup_name(path):
    """The file name says the format and the compression (loaddata reads both from it)."""
    if not str(path).endswith(SUFFIXES):
        raise ValueError(f"{path}: the file name must end with one of {', '.join(SUFFIXES)}.")


def backup(path):
    """Write the backup file at `path` (overwritten)."""
    check_backup_name(path)
    serializers.register_serializer(FORMAT, "core.jsonl")
    call_command(
        "dumpdata", format=FORMAT, natural_foreign=True, natural_primary=True,
        exclude=left_out_models(), output=str(path), verbosity=0,
    )


@contextmanager
def history_recording_off():
    """django-simple-history reads this setting in each of its signal handlers."""
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        yield


def clear_fts_tables():
    """`flush` empties managed tables only; the SQLite FTS5 tables are unmanaged."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for model in apps.get_models():
            if issubclass(model, FtsEntry):
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


@transaction.atomic
def restore(path):
    """Replace every row of the database with the backup at `path`. Returns the index counts."""
    path = Path(path)
    check_backup_name(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file.")
    # PostgreSQL refuses to TRUNCATE a table with deferred constraint checks pending (rows written
    # earlier in an enclosing transaction): run them now.
    connection.check_constraints()
    call_command("flush", interactive=False, verbosity=0)  # its post_migrate recreates content types, permissions, groups
    clear_fts_tables()
    with history_recording_off():
        call_command("loaddata", str(path.resolve()), verbosity=0)
    rebuild_closure()
    forget_synonyms()
    return rebuild_search_index()
