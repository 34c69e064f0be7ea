"""Benchmark: import a 10,000-row CSV, then stream a 100,000-row export.

Run: .venv/bin/python benchmarks/import_export.py [--rows 10000] [--export-rows 100000]
Uses a throwaway SQLite file (or DATABASE_URL if set). Prints timings and peak
Python memory; nothing here is asserted by the test suite.
"""
import argparse
import csv
import io
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
tmp = tempfile.mkdtemp()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "health_registry.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from programmes.exports import PROGRAMME_COLUMNS  # noqa: E402


def synthetic_csv(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, PROGRAMME_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for i in range(rows):
        writer.writerow({
            "slug": f"bench-{i}", "title": f"Appel de test {i}", "kind": "funding_call", "recurrence": "one_off",
            "deadline": "2030-01-01", "total_budget_eur": "100000", "territory_codes": f"region:{['53', '84', '28'][i % 3]}",
            "actor_roles": "runs:bench-operateur", "actors": "Opérateur de test (Porte / opère)",
            "theme_slugs": "e-sante", "themes": "E-santé", "summary": "Résumé " * 10, "description": "Description " * 40,
        })
    return buffer.getvalue().encode()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--export-rows", type=int, default=100_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    call_command("load_geography", stdout=io.StringIO())
    print(f"database: {os.environ['DATABASE_URL'].split('@')[-1]}")

    from programmes.import_apply import apply_import
    from programmes.import_rows import plan_import

    data = synthetic_csv(args.rows)
    start = time.perf_counter()
    plan = plan_import(data)
    checked = time.perf_counter()
    apply_import(plan, publish=True)
    done = time.perf_counter()
    print(f"import {args.rows} rows: check {checked - start:.1f}s, write {done - checked:.1f}s ({args.rows / (done - start):.0f} rows/s)")

    extra = args.export_rows - args.rows
    if extra > 0:
        from django.db import connection

        from programmes.models import Programme

        template = Programme.objects.get(slug="bench-0")
        through = Programme.territories.through
        batch = []
        for i in range(extra):
            batch.append(Programme(title=f"Copie {i}", slug=f"copie-{i}", kind="funding_call", publication_state="published",
                                   summary=template.summary, description=template.description, search_text="copie"))
        Programme.objects.bulk_create(batch, batch_size=2000)
        ids = Programme.objects.filter(slug__startswith="copie-").values_list("id", flat=True)
        territory_id = template.territories.first().id
        through.objects.bulk_create([through(programme_id=i, territory_id=territory_id) for i in ids], batch_size=5000)
        connection.close()

    client = Client()
    tracemalloc.start()
    start = time.perf_counter()
    response = client.get("/programmes/export.csv", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200, response.content[:500]
    size = rows = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        rows += chunk.count(b"\r\n")
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"export {rows - 1} rows ({size / 1e6:.0f} MB) in {elapsed:.1f}s, peak Python memory {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
