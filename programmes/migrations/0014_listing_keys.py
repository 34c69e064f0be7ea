"""The programme's links copied into arrays of its row (see `programmes.listing.keys`), with GIN
indexes on PostgreSQL, and filled for the existing rows."""
from django.db import migrations

import core.arrays

COLUMNS = ("territory_keys", "theme_ids", "audience_ids")


def fill(apps, schema_editor):
    from programmes.listing.keys import refresh

    refresh(apps.get_model("programmes", "Programme").objects.values("id"))
    if schema_editor.connection.vendor == "postgresql":
        for column in COLUMNS:
            schema_editor.execute(core.arrays.gin_index_sql("programmes_programme", column))


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in COLUMNS:
            schema_editor.execute(f'DROP INDEX IF EXISTS "programmes_programme_{column}_gin"')


class Migration(migrations.Migration):
    dependencies = [("programmes", "0013_sort_keys_inline"), ("territories", "0002_reference_territories")]

    operations = [
        *(migrations.AddField("programme", column, core.arrays.IdArrayField(null=True, blank=True, default=list, editable=False))
          for column in COLUMNS),
        migrations.RunPython(fill, drop_indexes),
    ]
