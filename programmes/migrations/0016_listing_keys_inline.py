"""PostgreSQL: keep the listing's arrays in the row itself. With `toast_tuple_target = 128`
(0012) they were moved out of line, so the facet counts, which read every filtered row's
arrays, fetched each one from the TOAST table. Existing values are written again once so that
they move back into their rows."""
from django.db import migrations

COLUMNS = ("territory_keys", "theme_ids", "audience_ids")


def inline(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("ALTER TABLE programmes_programme " + ", ".join(f"ALTER COLUMN {c} SET STORAGE PLAIN" for c in COLUMNS))
        # A new value (not the stored pointer) is stored as the column now says: inline.
        cursor.execute("UPDATE programmes_programme SET " + ", ".join(f"{c} = {c} || '{{}}'::bigint[]" for c in COLUMNS))


def out_of_line(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE programmes_programme " + ", ".join(f"ALTER COLUMN {c} SET STORAGE EXTENDED" for c in COLUMNS))


class Migration(migrations.Migration):
    dependencies = [("programmes", "0015_lf_line_endings")]

    operations = [migrations.RunPython(inline, out_of_line)]
