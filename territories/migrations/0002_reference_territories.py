"""Europe, France, the 18 regions, the 101 departments and the métropoles arrive with `migrate`."""
from django.db import migrations

from territories.reference import load_reference


def load(apps, schema_editor):
    load_reference(apps.get_model("territories", "Territory"), apps.get_model("territories", "TerritoryClosure"))


class Migration(migrations.Migration):
    dependencies = [("territories", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
