"""`python -m benchmarks` (or `make bench`): the directory at 1k / 10k / 100k programmes, served by
gunicorn as in production (gunicorn.conf.py, the production cache settings), driven by wrk,
beside its peer — Datasette serving the same programmes from this product's own export — and
a Django no-op, in the same run. Prints Markdown tables. Asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hr_bench .venv/bin/python -m benchmarks --sizes 1000,10000,100000

Options: `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of the listing's queries (PostgreSQL);
`--modes "no cache,fragments,cached"` adds the product alone in each cache configuration;
`--no-load` measures nothing with wrk (with `--explain`: the plans only).
"""
import argparse
import os
import runpy
import tempfile
import time

tmp = tempfile.mkdtemp()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
os.environ.update(DEBUG="false", HTTPS="false", ALLOWED_HOSTS="127.0.0.1", SECRET_KEY=os.environ.get("SECRET_KEY", "bench-" + "k7#Qx" * 12))

import django  # noqa: E402
import django.db  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from benchmarks import compare, load, modes, peer  # noqa: E402
from benchmarks.data import make_programmes  # noqa: E402
from benchmarks.explain import explain  # noqa: E402
from benchmarks.measure import export_rate, import_rate  # noqa: E402
from benchmarks.selections import Selections  # noqa: E402
from core.imports import analyze  # noqa: E402
from programmes.models import Programme  # noqa: E402


def settle():
    """Fresh statistics, and on PostgreSQL a vacuumed table: the bulk reindex rewrote every row,
    and index-only scans need the visibility map that VACUUM sets, as autovacuum would in a
    live directory."""
    if django.db.connection.vendor == "postgresql":
        with django.db.connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    else:
        analyze()


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


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--seconds", type=int, default=8, help="each wrk run")
    parser.add_argument("--writes", type=int, default=100, help="saves between the two memory readings")
    parser.add_argument("--editor-seconds", type=int, default=30, help="the run while an editor saves every 10 s")
    parser.add_argument("--peer-threads", type=int, default=4, help="Datasette's num_sql_threads")
    parser.add_argument("--modes", default="", help=f"also the product alone in these cache configurations: {', '.join(modes.MODES)}")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN (ANALYZE, BUFFERS) of the listing's queries")
    parser.add_argument("--no-load", action="store_true", help="no wrk measure")
    parser.add_argument("--idle-wait", type=int, default=300, help="most seconds to wait for an idle machine before a measure")
    return parser.parse_args()


def other_measures(size):
    """In-process measures: the export."""
    rate, rss, count = export_rate()
    lines = [f"| {size:,} | export of {count:,} rows | {rate:,.0f} rows/s | peak RSS +{rss:.0f} MB |"]
    return lines


def main():
    args = arguments()
    chosen_modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    load.IDLE_WAIT = args.idle_wait
    if not args.no_load:
        load.ensure_wrk()
        peer.ensure_venv()
    call_command("migrate", verbosity=0)
    have, comparisons, mode_rows, others, plans = Programme.objects.count(), [], [], [], []
    selections = None
    reference = [reference_seconds()]
    for size in (int(s) for s in args.sizes.split(",")):
        if size > have:
            make_programmes(size - have, seed=size, prefix=f"bench{size}")
            settle()
            have = size
        selections = selections or Selections()
        if args.explain:
            plans.append(explain(size))
        if args.no_load:
            continue
        comparisons.append(compare.Comparison(size, selections, seconds=args.seconds, writes=args.writes, editor_seconds=args.editor_seconds,
                                              peer_threads=args.peer_threads).run())
        mode_rows += modes.measure(size, args.seconds, chosen_modes, selections)
        others += other_measures(size)
    reference.append(reference_seconds())
    report(args, comparisons, mode_rows, others, plans, reference, have)


def report(args, comparisons, mode_rows, others, plans, reference, have):
    workers, threads = gunicorn_size()
    print(f"database: {django.db.connection.vendor}; gunicorn.conf.py ({workers} gthread workers × {threads} threads), production cache"
          f" settings; Datasette {peer.version()} (num_sql_threads {args.peer_threads}, immutable SQLite + FTS5 from the product's export);"
          f" wrk {args.seconds} s a run (the page-cache row at 16: the median of 3); this machine: 10 million Python additions in"
          f" {reference[0]:.2f} s before, {reference[1]:.2f} s after")
    if comparisons:
        print("\n" + compare.HEADER)
        print("\n".join(line for comparison in comparisons for line in comparison.rows()))
        print("\n" + "\n".join(f"- {note}" for comparison in comparisons for note in comparison.notes))
    if mode_rows:
        print("\n" + modes.table(mode_rows))
    if others:
        print("\n| programmes | measure | rate | memory |\n|---:|---|---:|---:|")
        print("\n".join(others))
        print(f"| {have:,} | import of 10,000 new rows (history written, one transaction, rolled back) | {import_rate(10000):,.0f} rows/s | |")
    for text in plans:
        print(text)


if __name__ == "__main__":
    main()
