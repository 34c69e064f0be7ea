"""This product beside its peer (Datasette) and the Django no-op, in one run, production configuration.

The product is served by gunicorn with the production defaults (page and fragment caches on);
the peer by `datasette serve` from the product's own export; never both at once (two cores).
Both get the same selections; a "new query on every request" never asks a query string twice
in a run (the rotation says so when it ran out). Then, on the product only: each worker's memory
before and after 100 writes made by another process while the workers serve listings, and the
new queries again while an editor saves a programme every 10 seconds."""
import statistics
import subprocess
import sys
import tempfile

from django.http import QueryDict

from benchmarks import load, peer
from benchmarks.selections import LISTING, peer_listing, product_listing, programme_pages
from programmes.filters import filter_programmes

PRODUCTION = {}  # the settings' defaults: nothing overridden
NOOP = "/__noop__/"
# Selections handed to one run: more than any server here answers in a second, times the seconds.
PER_SECOND = 300


class Comparison:
    """The measures of one directory size; `rows()` gives the table's lines."""

    def __init__(self, size, selections, *, seconds, writes=100, editor_seconds=30, peer_threads=4):
        self.size, self.selections, self.seconds = size, selections, seconds
        self.writes, self.editor_seconds, self.peer_threads = writes, editor_seconds, peer_threads
        self.product, self.peer, self.rss, self.notes = {}, {}, {}, []

    def new_selections(self, seconds):
        """Selections for a run of `seconds`: three times the rate the product answered new
        queries at (once known), or PER_SECOND; never asked before either way."""
        new = self.product.get("new")
        per_second = min(PER_SECOND, int(3 * max(run[0] for run in new)) + 20) if new else PER_SECOND
        return self.selections.take(per_second * seconds)

    def run(self):
        folder = tempfile.mkdtemp(prefix="bench-peer-")
        database, peer_ids = peer.build_database(folder)
        self.pages = programme_pages(peer_ids)
        self.asked = {1: self.new_selections(self.seconds), 16: self.new_selections(self.seconds)}
        self.agreement(database, self.asked[1][:20])
        self.measure_product()
        self.measure_peer(database)
        return self

    def agreement(self, database, asked):
        """Rows matched by the product and by the peer for the same selections: both must
        answer the same question (the product's prefix search matches a few more)."""
        product = sum(filter_programmes(QueryDict(product_listing(s).split("?", 1)[1])).qs.count() for s in asked)
        self.notes.append(f"{self.size:,} programmes, {len(asked)} of the new queries: {product:,} rows matched by the product,"
                          f" {sum(peer.matches(database, s) for s in asked):,} by Datasette")

    def measure_product(self):
        server = load.serve(PRODUCTION)
        try:
            load.wrk(NOOP, 16, 2)
            self.product["noop"] = (load.wrk(NOOP, 1, self.seconds), load.wrk(NOOP, 16, self.seconds))
            self.drive(self.product, product_listing, base=f"http://127.0.0.1:{load.PORT}", pages=self.pages[0])
            load.wrk(LISTING, 16, 2)
            load.wait_until_idle()
            self.product["repeated"] = (load.wrk(LISTING, 1, self.seconds), load.median_run(LISTING, self.seconds))
            self.rss[0] = load.worker_rss_mb(server)
            self.while_writing(self.writes, every=0.2, seconds=5)
            self.rss[self.writes] = load.worker_rss_mb(server)
            self.product["editor"] = (None, self.while_writing(None, every=10, seconds=self.editor_seconds)[0])
        finally:
            load.stop(server)

    def measure_peer(self, database):
        server = peer.serve(database, self.peer_threads)
        try:
            self.drive(self.peer, peer_listing, base=f"http://127.0.0.1:{peer.PORT}", pages=self.pages[1])
        finally:
            load.stop(server)

    def drive(self, into, address, *, base, pages):
        """New queries (warmed up on others first) and random programme pages, 1 client and 16."""
        load.wrk([address(s) for s in self.new_selections(2)], 16, 2, base=base)
        load.wait_until_idle()
        into["new"] = tuple(load.wrk([address(s) for s in self.asked[n]], n, self.seconds, base=base) for n in (1, 16))
        half = len(pages) // 2
        into["page"] = (load.wrk(pages[:half], 1, self.seconds, base=base), load.wrk(pages[half:], 16, self.seconds, base=base))

    def while_writing(self, count, *, every, seconds):
        """wrk runs of new queries at 16 connections, `seconds` each, while a writer process
        saves a programme every `every` seconds: until it has saved `count` times, or for one
        run (then stopped) when `count` is None."""
        writer = subprocess.Popen([sys.executable, "-m", "benchmarks.writer", "--count", str(count or 10**6), "--every", str(every)],
                                  stdout=subprocess.PIPE, text=True)
        runs = []
        while not runs or (count and writer.poll() is None):
            runs.append(load.wrk([product_listing(s) for s in self.new_selections(seconds)], 16, seconds))
        if count is None:
            writer.terminate()
        out, _ = writer.communicate()
        if count and writer.returncode:
            raise RuntimeError(f"the writer failed ({writer.returncode})")
        saves = [float(ms) for ms in out.split("\n") if ms.strip() and not ms.startswith("failed")]
        failed = sorted({why for why in out.split("\n") if why.startswith("failed")})
        self.notes.append(f"{self.size:,} programmes: {len(saves)} saves one every {every:g} s by another process during"
                          f" {len(runs)} × {seconds} s of new queries at 16 connections, a save's median {statistics.median(saves or [0]):.0f} ms"
                          + (f"; {out.count('failed')} saves FAILED ({'; '.join(failed)})" if failed else "")
                          + (f"; {sum(r.errors for r in runs):,} of {sum(r.requests for r in runs):,} answers in ERROR"
                             if any(r.errors for r in runs) else ""))
        return runs

    def rows(self):
        """Markdown table lines: (request, product req/s p50 p99, peer req/s p50 p99, ratio)."""
        size = f"{self.size:,}"
        noop = self.product["noop"][1][0]
        unloaded = self.product["new"][1][0]
        lines = [line(size, "Django no-op, 1 client", self.product["noop"][0]),
                 line(size, "Django no-op, 16 connections", self.product["noop"][1])]
        for key, what in (("new", "a new query on every request (random region, kind, theme, words)"), ("page", "a random programme page")):
            for n, many in ((0, "1 client"), (1, "16 connections")):
                lines.append(line(size, f"{what}, {many}", self.product[key][n], self.peer[key][n]))
        editor = self.product["editor"][1]
        lines.append(line(size, "a new query on every request, 16 connections, an editor saving a programme every 10 s", editor,
                          ratio=f"{editor[0] / unloaded:.0%} of the same without writes"))
        for n, many in ((0, "1 client"), (1, "16 connections")):
            run = self.product["repeated"][n]
            lines.append(line(size, f"the same listing repeated (page cache), {many}", run, ratio=f"{run[0] / noop:.0%} of the no-op at 16"))
        before, after = self.rss[0], self.rss[self.writes]
        lines.append(f"| {size} | RSS per worker after 0 / {self.writes} writes (MB) | {' '.join(f'{r:.0f}' for r in before)} /"
                     f" {' '.join(f'{r:.0f}' for r in after)} | | | | | | {(sum(after) - sum(before)) / len(after):+.0f} MB a worker on average |")
        return lines


def cells(run):
    if run is None:
        return ["", "", ""]
    marks = [" (repeats)" if run.repeated else "", f" ({run.errors:,} of {run.requests:,} answers in error)" if run.errors else ""]
    return [f"{run[0]:,.1f}" + "".join(marks), f"{run[1]:,.0f}", f"{run[2]:,.0f}"]


def line(size, what, product, peer_run=None, *, ratio=None):
    if ratio is None:
        ratio = f"{product[0] / peer_run[0]:.2f}×" if peer_run else ""
    return "| " + " | ".join([size, what, *cells(product), *cells(peer_run), ratio]) + " |"


HEADER = ("| programmes | request | this product req/s | p50 (ms) | p99 (ms) | Datasette req/s | p50 (ms) | p99 (ms) | product / Datasette |\n"
          "|---:|---|---:|---:|---:|---:|---:|---:|---|")
