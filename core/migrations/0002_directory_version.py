import uuid

from django.db import migrations, models
from django.utils import timezone


def first_version(apps, schema_editor):
    apps.get_model("core", "DirectoryVersion").objects.create(pk=1, token=uuid.uuid4().hex, changed_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="DirectoryVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.CharField(max_length=32)),
                ("changed_at", models.DateTimeField()),
            ],
        ),
        migrations.RunPython(first_version, migrations.RunPython.noop),
    ]
