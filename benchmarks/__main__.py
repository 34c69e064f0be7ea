"""`python -m benchmarks` (or `make bench`): the directory at 1k / 10k / 100k programmes, served by
gunicorn as in production (gunicorn.conf.py), driven by wrk, beside a Django no-op served by the
same gunicorn in the same run, in three modes: no cache (but the facet index and result orders
each worker keeps), fragments (cards, filter form and map cached), cached (whole pages). Prints Markdown
tables. Asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_bench .venv/bin/python -m benchmarks --sizes 1000,10000,100000
"""
import argparse
import os
import random
import re
import runpy
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

tmp = tempfile.mkdtemp()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
os.environ.update(DEBUG="false", HTTPS="false", ALLOWED_HOSTS="127.0.0.1", SECRET_KEY=os.environ.get("SECRET_KEY", "bench-" + "k7#Qx" * 12))

import django  # noqa: E402
import django.db  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from benchmarks.data import KINDS, WORDS, make_programmes  # noqa: E402
from benchmarks.measure import cold_costs, export_rate, import_rate  # noqa: E402
from core.imports import analyze  # noqa: E402
from programmes.models import Programme, Theme  # noqa: E402
from territories.models import Territory  # noqa: E402

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
        subprocess.run(["apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)


# What the server caches: nothing but its in-process facet index and result orders; also the
# cards, the filter form and the map (fragments); also whole pages.
MODES = {
    "no cache": {"PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"},
    "fragments": {"PAGE_CACHE_SECONDS": "0"},
    "cached": {"PAGE_CACHE_SECONDS": "600"},
}


def serve(mode):
    env = {**os.environ, **MODES[mode], "CONN_MAX_AGE": "60"}
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


def distinct_listings(count=5000, seed=7):
    """Listing addresses that differ in filters and words: every request a search not seen
    before (its matches, order and cards computed), as many visitors' searches are."""
    rng = random.Random(seed)
    regions = list(Territory.objects.regions().values_list("insee_code", flat=True))
    themes = list(Theme.objects.values_list("slug", flat=True))
    words = sorted({w.strip(".").split("-")[0] for w in WORDS if len(w) > 5})
    seen = set()
    while len(seen) < count:
        params = {"region": rng.choice(regions), "kind": rng.choice(KINDS), "theme": rng.choice(themes), "q": rng.choice(words)}
        seen.add("/programmes/?" + urllib.parse.urlencode(params))
    paths = sorted(seen)
    rng.shuffle(paths)
    return paths


def rotation_script(paths):
    """A wrk script requesting `paths` in turn (run with one wrk thread: each path once)."""
    script = os.path.join(tmp, "rotate.lua")
    with open(script, "w") as out:
        out.write("paths = {" + ",".join(f'"{p}"' for p in paths) + "}\ni = 0\n")
        out.write("request = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i - 1) % #paths + 1])\nend\n")
    return script


def wrk(path, connections, seconds):
    rotate = path.startswith("@")
    # wrk's own timeout (2 s) would drop slower answers from the figures (0 req/s, no latency).
    command = ["wrk", "-t", "1" if rotate else str(min(connections, 2)), "-c", str(connections), "-d", f"{seconds}s", "--latency", "--timeout", "30s"]
    if rotate:
        command += ["-s", path[1:], f"http://127.0.0.1:{PORT}/"]
    else:
        command.append(f"http://127.0.0.1:{PORT}{path}")
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "Non-2xx" in out:
        raise RuntimeError(out)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def percentile(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return rate, percentile(50), percentile(99)


def median_run(path, seconds, runs=3):
    """The median of `runs` measures at 16 connections (by req/s): the listing's loaded and
    unloaded rates are compared, and one run of a few seconds on this machine varies by half."""
    return sorted((wrk(path, 16, seconds) for _ in range(runs)), key=lambda run: run[0])[runs // 2]


def busy_seconds():
    """CPU seconds this machine has spent busy (every process: the server, PostgreSQL), from /proc/stat."""
    with open("/proc/stat") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def wait_until_idle(*, busy=0.6, most=300):
    """Seconds until the machine is busy less than `busy` CPUs over two seconds (idle, its
    services take about 0.2): the server has finished the requests a warm-up left behind, or
    slow exports have run their queries and filled their socket buffers (megabytes each on the
    loopback, written at full speed) and are now fed at the clients' 50 kB/s (about 0.15 CPU
    for the eight)."""
    start = time.perf_counter()
    used = busy_seconds()
    while time.perf_counter() - start < most:
        time.sleep(2)
        now = busy_seconds()
        if now - used < 2 * busy:
            break
        used = now
    return time.perf_counter() - start


def slow_downloads(count=8, rate="50k"):
    """`count` clients downloading the full export at `rate` bytes/s (each holds a server thread)."""
    url = f"http://127.0.0.1:{PORT}/programmes/export.csv"
    return [subprocess.Popen(["curl", "-s", "-o", "/dev/null", "--limit-rate", rate, url]) for _ in range(count)]


def measure(size, seconds):
    """[(size, mode, request, p50 etc. with 1 client, with 16)]: each mode's server apart."""
    rows = []
    for seed, mode in enumerate(MODES):
        paths = distinct_listings(seed=seed)  # other searches per mode (a Redis cache outlives a server)
        server = serve(mode)
        try:
            requests = REQUESTS if mode != "no cache" else REQUESTS[:2]
            for name, path in requests:
                # Warm up every worker (each builds its own index and keeps its own cards), then
                # let it finish the requests wrk left behind before measuring.
                wrk(path, 16, 2)
                wait_until_idle()
                many = median_run(path, seconds) if path == LISTING else wrk(path, 16, seconds)
                rows.append((size, mode, name, wrk(path, 1, seconds), many))
            # Each request another search (two halves of the list: no search seen twice).
            half = len(paths) // 2
            rows.append((size, mode, "listing, a new search each request", wrk("@" + rotation_script(paths[:half]), 1, seconds),
                         wrk("@" + rotation_script(paths[half:]), 16, seconds)))
            downloads = slow_downloads()
            try:
                settled = wait_until_idle()
                rows.append((size, mode, f"listing region+kind+theme+q, 8 slow exports running (measured {settled:.0f} s after they started)",
                             wrk(LISTING, 1, seconds), median_run(LISTING, seconds)))
            finally:
                for download in downloads:
                    download.kill()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait()
    return rows


def reference_seconds():
    """Seconds for ten million additions in pure Python: how fast this machine is today, to
    compare runs made on different machines or days (0.56–1.8 s on one machine in one day)."""
    start, total = time.perf_counter(), 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - start


def gunicorn_size():
    """(workers, threads) as gunicorn.conf.py sets them on this machine."""
    settings = runpy.run_path("gunicorn.conf.py")
    return settings["workers"], settings["threads"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--seconds", type=int, default=8)
    args = parser.parse_args()
    ensure_wrk()
    call_command("migrate", verbosity=0)
    have, table, others = Programme.objects.count(), [], []
    reference = [reference_seconds()]
    for size in (int(s) for s in args.sizes.split(",")):
        if size > have:
            make_programmes(size - have, seed=size, prefix=f"bench{size}")
            settle()
            have = size
        rows = measure(size, args.seconds)
        noop = {mode: many[0] for _s, mode, name, _one, many in rows if name == "Django no-op"}
        for s, mode, name, one, many in rows:
            table.append(f"| {s:,} | {mode} | {name} | {one[1]:.1f} | {many[0]:.0f} | {many[1]:.0f} | {many[2]:.0f} | {many[0] / noop[mode]:.1%} |")
        rate, rss, count = export_rate()
        others.append(f"| {size:,} | export of {count:,} rows | {rate:,.0f} rows/s | peak RSS +{rss:.0f} MB |")
        build, first_search, counts = cold_costs()
        others.append(f"| {size:,} | after a write: facet index build / the listing's results, words never seen / its facet counts (SQL)"
                      f" | {build:,.0f} ms / {first_search:,.0f} ms / {counts:,.0f} ms | |")
    reference.append(reference_seconds())
    workers, threads = gunicorn_size()
    print(f"database: {django.db.connection.vendor}; gunicorn.conf.py ({workers} gthread workers × {threads} threads); wrk 16 connections, {args.seconds} s"
          " (the median of 3 runs for the listing region+kind+theme+q, with and without slow exports);"
          f" this machine: 10 million Python additions in {reference[0]:.2f} s before, {reference[1]:.2f} s after")
    print("| programmes | server caches | request | p50 1 client (ms) | req/s at 16 | p50 at 16 (ms) | p99 at 16 (ms) | vs no-op |")
    print("|---:|---|---|---:|---:|---:|---:|---:|")
    print("\n".join(table))
    print("\n| programmes | measure | rate | memory |\n|---:|---|---:|---:|")
    print("\n".join(others))
    print(f"| {have:,} | import of 10,000 new rows (history written, one transaction, rolled back) | {import_rate(10000):,.0f} rows/s | |")


if __name__ == "__main__":
    main()
