"""A few synonyms every French health directory needs; editors add more in the admin."""
from django.db import migrations

DEFAULTS = [
    "IA | intelligence artificielle",
    "AAP | appel à projets",
    "AMI | appel à manifestation d'intérêt",
    "CHU | centre hospitalier universitaire",
    "PME | petites et moyennes entreprises",
]


def load(apps, schema_editor):
    synonym = apps.get_model("search", "Synonym")
    for expressions in DEFAULTS:
        synonym.objects.get_or_create(expressions=expressions)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
