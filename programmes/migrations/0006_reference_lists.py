"""The default themes and audiences arrive with `migrate` (editable afterwards)."""
from django.db import migrations

from programmes.reference_lists import load_reference_lists


def load(apps, schema_editor):
    load_reference_lists(apps.get_model("programmes", "Theme"), apps.get_model("programmes", "Audience"))


class Migration(migrations.Migration):
    dependencies = [("programmes", "0005_territory_moved_to_territories")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
