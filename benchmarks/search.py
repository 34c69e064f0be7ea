"""Benchmark: the search at 1k / 10k / 100k programmes, beside a Django no-op, in one run.

Run: .venv/bin/python -m benchmarks.search [--sizes 1000,10000,100000] [--repeat 15]
Uses a throwaway SQLite file, or DATABASE_URL (PostgreSQL). Prints one table; asserts nothing.
"""
import argparse
import os
import statistics
import tempfile
import time

tmp = tempfile.mkdtemp()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "health_registry.settings")
os.environ["DEBUG"] = "false"
os.environ["HTTPS"] = "false"  # served over plain HTTP here: no redirect to HTTPS
os.environ["PAGE_CACHE_SECONDS"] = "0"  # every listing computed, not served from the page cache
os.environ.setdefault("SECRET_KEY", "benchmark-only-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test import Client  # noqa: E402

settings.ROOT_URLCONF = "benchmarks.urls"
# Production settings, without a collectstatic step.
settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

from benchmarks.data import make_programmes  # noqa: E402
from core.imports import analyze  # noqa: E402
from programmes.filters import filter_programmes  # noqa: E402
from programmes.models import Programme  # noqa: E402

QUERIES = ["sante", "plateformes technologiques", "télésanté -cancérologie", '"données hospitalières"', "imag", "telesente"]


def p50(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def search_sql(q):
    filterset = filter_programmes(QueryDict(mutable=True) | {"q": q})
    qs = filterset.qs
    qs.count()
    list(qs[:20])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    client = Client()
    print(f"database: {connection.vendor}")
    print("| programmes | query | search SQL p50 (ms) | listing page p50 (ms) | Django no-op p50 (ms) |")
    print("|---:|---|---:|---:|---:|")
    have = Programme.objects.count()
    for size in (int(s) for s in args.sizes.split(",")):
        if size > have:
            start = time.perf_counter()
            make_programmes(size - have, seed=size, prefix=f"bench{size}")
            print(f"<!-- generated {size - have} programmes in {time.perf_counter() - start:.0f} s -->")
            have = size
        analyze()
        noop = p50(lambda: client.get("/__noop__/"), args.repeat * 4)
        for q in QUERIES:
            sql = p50(lambda q=q: search_sql(q), args.repeat)
            page = p50(lambda q=q: client.get("/programmes/", {"q": q}), args.repeat)
            print(f"| {size:,} | `{q}` | {sql:.1f} | {page:.1f} | {noop:.2f} |")
        reset_queries()


if __name__ == "__main__":
    main()
