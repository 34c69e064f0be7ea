"""On PostgreSQL, trigram GIN indexes make the folded `contains` search use an index.

SQLite has no such index type; the operation does nothing there, so both
databases keep the same search code.
"""
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    ("programmes_programme", "programme_search_trgm"),
    ("programmes_fundedproject", "fundedproject_search_trgm"),
    ("actors_actor", "actor_search_trgm"),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, name in INDEXES:
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_text gin_trgm_ops)")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0002_editors_and_publish"),
        ("actors", "0002_editors_and_publish"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
