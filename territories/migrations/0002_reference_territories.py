"""Once loaded Europe, France, the regions, departments and métropoles; `0004_geography` loads
the whole geography now (the same rows with the same slugs, and everything below them).

A no-op, kept for the migrations that depend on it: the loader reads columns this state lacks."""
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("territories", "0001_initial")]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
