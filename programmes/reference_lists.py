"""The default themes and audiences (`data/*.csv`), loaded by a data migration.

Takes the models as arguments so that the migration (historical models) and the
demo loader (live models) share it. Existing entries keep editors' changes:
only missing slugs are created.
"""
import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_list(name):
    with (DATA_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_reference_lists(theme_model, audience_model):
    for model, name in ((theme_model, "themes"), (audience_model, "audiences")):
        existing = set(model.objects.values_list("slug", flat=True))
        missing = [
            model(slug=row["slug"], name=row["name"], name_en=row["name_en"], position=position)
            for position, row in enumerate(read_list(name)) if row["slug"] not in existing
        ]
        model.objects.bulk_create(missing)
