"""In-process measures: export rows/s with peak RSS growth, import rows/s (rolled back)."""
import csv
import io
import resource
import time

from django.db import transaction
from django.test import Client

from programmes.exports import PROGRAMME_COLUMNS
from programmes.imports import PROGRAMMES


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def export_rate(path="/programmes/export.csv"):
    """(rows per second, peak RSS growth in MB) for one full export."""
    before = peak_rss_mb()
    start = time.perf_counter()
    # Over HTTPS: with production settings plain HTTP would only get the redirect to HTTPS.
    response = Client().get(path, HTTP_HOST="127.0.0.1", secure=True)
    assert response.status_code == 200 and response.streaming, (response.status_code, path)
    rows = sum(chunk.count(b"\r\n") for chunk in response.streaming_content) - 1
    elapsed = time.perf_counter() - start
    return rows / elapsed, peak_rss_mb() - before, rows


def synthetic_csv(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, PROGRAMME_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for i in range(rows):
        writer.writerow({
            "slug": f"import-{i}", "title": f"Appel à projets importé {i}", "kind": "funding_call", "recurrence": "one_off",
            "deadline": "2030-01-01", "total_budget_eur": "100000", "territory_codes": f"region:{['53', '84', '28'][i % 3]}",
            "actor_roles": "runs:bench-actor-1", "actors": "Opérateur (Porte / opère)", "theme_slugs": "e-sante",
            "themes": "E-santé", "summary": "Résumé de l'appel " * 5, "description": "Description détaillée " * 30,
        })
    return buffer.getvalue().encode()


def import_rate(rows):
    """Rows per second for checking and writing `rows` new programmes; rolled back afterwards."""
    data = synthetic_csv(rows)
    start = time.perf_counter()
    with transaction.atomic():
        plan = PROGRAMMES.plan(data)
        PROGRAMMES.apply(plan, publish=True)
        elapsed = time.perf_counter() - start
        transaction.set_rollback(True)
    return rows / elapsed
