"""The reference geography (data/geography.csv.gz): regions, departments, overseas collectivities,
EPCIs, EPTs and, unless `settings.GEOGRAPHY_COMMUNES` is off, the 34,969 communes. Bulk inserts;
existing territories keep their ids and slugs."""
from django.conf import settings
from django.db import migrations

from territories.geography_loader import load_reference


def load(apps, schema_editor):
    communes = getattr(settings, "GEOGRAPHY_COMMUNES", True)
    load_reference(apps.get_model("territories", "Territory"), apps.get_model("territories", "TerritoryClosure"), communes=communes)


class Migration(migrations.Migration):
    dependencies = [("territories", "0003_postal_codes_population")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
