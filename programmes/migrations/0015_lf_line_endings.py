"""Texts saved with a browser's CRLF line endings get LF, like every save now (issue 22, C 2):
the live programmes and projects and their history, so no version shows a phantom change."""
from django.db import migrations

from editorial.text import normalise_stored_line_endings

MODELS = ["Programme", "HistoricalProgramme", "FundedProject", "HistoricalFundedProject"]


def forwards(apps, schema_editor):
    for name in MODELS:
        normalise_stored_line_endings(apps.get_model("programmes", name))


class Migration(migrations.Migration):
    dependencies = [("programmes", "0014_listing_keys")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
