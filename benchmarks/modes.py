"""`--modes`: the product alone in three cache configurations (each its own server), to see
what each cache tier gives: no cache (but what each worker keeps in memory), fragments (cards,
filter form and map cached), cached (whole pages: the production default)."""
from benchmarks import load
from benchmarks.selections import LISTING, product_listing

MODES = {
    "no cache": {"PAGE_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"},
    "fragments": {"PAGE_CACHE_SECONDS": "0"},
    "cached": {"PAGE_CACHE_SECONDS": "600"},
}
REQUESTS = [("Django no-op", "/__noop__/"), ("listing region+kind+theme+q", LISTING), ("home", "/"), ("programme listing", "/programmes/"),
            ("search q=sante (nearly every row)", "/programmes/?q=sante")]


def measure(size, seconds, modes, selections):
    """[(size, mode, request, 1 client run, 16 connections run)]: each mode's server apart."""
    rows = []
    for mode in modes:
        server = load.serve(MODES[mode])
        try:
            requests = REQUESTS if mode != "no cache" else REQUESTS[:2]
            for name, path in requests:
                # Warm up every worker, then let it finish the requests wrk left behind.
                load.wrk(path, 16, 2)
                load.wait_until_idle()
                many = load.median_run(path, seconds) if path == LISTING else load.wrk(path, 16, seconds)
                rows.append((size, mode, name, load.wrk(path, 1, seconds), many))
            # Each request another search, never asked before in this run.
            paths = [[product_listing(s) for s in selections.take(300 * seconds)] for _ in range(2)]
            rows.append((size, mode, "listing, a new search each request", load.wrk(paths[0], 1, seconds), load.wrk(paths[1], 16, seconds)))
            rows.append(with_slow_exports(size, mode, seconds))
        finally:
            load.stop(server)
    return rows


def with_slow_exports(size, mode, seconds):
    downloads = load.slow_downloads()
    try:
        settled = load.wait_until_idle()
        return (size, mode, f"listing region+kind+theme+q, 8 slow exports running (measured {settled:.0f} s after they started)",
                load.wrk(LISTING, 1, seconds), load.median_run(LISTING, seconds))
    finally:
        for download in downloads:
            download.kill()


def table(rows):
    noop = {mode: many[0] for _s, mode, name, _one, many in rows if name == "Django no-op"}
    lines = ["| programmes | server caches | request | p50 1 client (ms) | req/s at 16 | p50 at 16 (ms) | p99 at 16 (ms) | vs no-op |",
             "|---:|---|---|---:|---:|---:|---:|---:|"]
    for s, mode, name, one, many in rows:
        lines.append(f"| {s:,} | {mode} | {name} | {one[1]:.1f} | {many[0]:.0f} | {many[1]:.0f} | {many[2]:.0f} | {many[0] / noop[mode]:.1%} |")
    return "\n".join(lines)
