"""`python -m benchmarks` (or `make bench`): the directory at 1k / 10k / 100k programmes, served by
gunicorn as in production (2 gthread workers × 4 threads), driven by wrk, beside a Django no-op
served by the same gunicorn in the same run. Prints one Markdown table. Asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_bench .venv/bin/python -m benchmarks --sizes 1000,10000,100000
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

tmp = tempfile.mkdtemp()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
os.environ.update(DEBUG="false", HTTPS="false", ALLOWED_HOSTS="127.0.0.1", SECRET_KEY=os.environ.get("SECRET_KEY", "bench-" + "k7#Qx" * 12))

import django  # noqa: E402
import django.db  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from benchmarks.data import make_programmes  # noqa: E402
from benchmarks.measure import cold_costs, export_rate, import_rate  # noqa: E402
from core.imports import analyze  # noqa: E402
from programmes.models import Programme  # noqa: E402

PORT = 8765
LISTING = "/programmes/?region=53&kind=funding_call&theme=e-sante&q=sante"
REQUESTS = [("Django no-op", "/__noop__/"), ("listing region+kind+theme+q", LISTING), ("home", "/"), ("programme listing", "/programmes/"),
            ("search q=sante (nearly every row)", "/programmes/?q=sante")]


def settle():
    """Fresh statistics, and on PostgreSQL a vacuumed table: the bulk reindex rewrote every row,
    and index-only scans (the facets') need the visibility map that VACUUM sets, as autovacuum
    would in a live directory."""
    if django.db.connection.vendor == "postgresql":
        with django.db.connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        analyze()


def ensure_wrk():
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)


def serve(page_cache):
    env = {**os.environ, "PAGE_CACHE_SECONDS": "600" if page_cache else "0", "CONN_MAX_AGE": "60"}
    # The production configuration (gunicorn.conf.py), on the benchmark's port.
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "health_registry.wsgi", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{PORT}",
         "--log-level", "warning"], env=env)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/__noop__/", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def wrk(path, connections, seconds):
    out = subprocess.run(["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{seconds}s", "--latency",
                          f"http://127.0.0.1:{PORT}{path}"], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def percentile(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return rate, percentile(50), percentile(99)


def slow_downloads(count=8, rate="50k"):
    """`count` clients downloading the full export at `rate` bytes/s (each holds a server thread)."""
    url = f"http://127.0.0.1:{PORT}/programmes/export.csv"
    return [subprocess.Popen(["curl", "-s", "-o", "/dev/null", "--limit-rate", rate, url]) for _ in range(count)]


def measure(size, seconds):
    rows = []
    for cached in (False, True):
        server = serve(cached)
        try:
            for name, path in REQUESTS:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}").read()  # warm up
                one = wrk(path, 1, seconds)
                many = wrk(path, 16, seconds)
                rows.append((size, name + (" (cached)" if cached else ""), one, many))
            downloads = slow_downloads()
            try:
                time.sleep(1)
                one, many = wrk(LISTING, 1, seconds), wrk(LISTING, 16, seconds)
                rows.append((size, "listing region+kind+theme+q" + (" (cached)" if cached else "") + ", 8 slow exports running", one, many))
            finally:
                for download in downloads:
                    download.kill()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait()
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--seconds", type=int, default=8)
    args = parser.parse_args()
    ensure_wrk()
    call_command("migrate", verbosity=0)
    have, table, others = Programme.objects.count(), [], []
    for size in (int(s) for s in args.sizes.split(",")):
        if size > have:
            make_programmes(size - have, seed=size, prefix=f"bench{size}")
            settle()
            have = size
        rows = measure(size, args.seconds)
        noop = {cached: many[0] for _s, name, _one, many in rows if name.startswith("Django no-op") for cached in [name.endswith("(cached)")]}
        for s, name, one, many in rows:
            table.append(f"| {s:,} | {name} | {one[1]:.1f} | {many[0]:.0f} | {many[1]:.0f} | {many[2]:.0f} | {many[0] / noop['(cached)' in name]:.1%} |")
        rate, rss, count = export_rate()
        others.append(f"| {size:,} | export of {count:,} rows | {rate:,.0f} rows/s | peak RSS +{rss:.0f} MB |")
        build, first_search = cold_costs()
        others.append(f"| {size:,} | after a write: facet index build / first search of the listing's words | {build:,.0f} ms / {first_search:,.0f} ms | |")
    print(f"database: {django.db.connection.vendor}; gunicorn.conf.py (2 gthread workers × 16 threads); wrk 16 connections, {args.seconds} s")
    print("| programmes | request | p50 1 client (ms) | req/s at 16 | p50 at 16 (ms) | p99 at 16 (ms) | vs no-op |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    print("\n".join(table))
    print("\n| programmes | measure | rate | memory |\n|---:|---|---:|---:|")
    print("\n".join(others))
    print(f"| {have:,} | import of 2,000 new rows | {import_rate(2000):,.0f} rows/s | |")


if __name__ == "__main__":
    main()
