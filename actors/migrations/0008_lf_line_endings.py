"""Texts saved with a browser's CRLF line endings get LF, like every save now (issue 22, C 2):
the live actors and their history, so no version shows a phantom change."""
from django.db import migrations

from editorial.text import normalise_stored_line_endings


def forwards(apps, schema_editor):
    for name in ["Actor", "HistoricalActor"]:
        normalise_stored_line_endings(apps.get_model("actors", name))


class Migration(migrations.Migration):
    dependencies = [("actors", "0007_uid_unique")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
