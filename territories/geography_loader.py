"""Load the reference geography from `data/geography.csv.gz`, idempotently and in bulk.

The same code serves the data migration (historical models) and the `load_geography` command
(live models), so it takes the models as arguments. 36,000 territories and 230,000 closure
rows: everything is compared in memory and only the differences are written, in batches.
"""
import csv
import functools
import gzip
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connections

from core.text import fold

DATA_FILE = Path(__file__).resolve().parent / "data" / "geography.csv.gz"
COMMUNE, EPCI = "commune", "epci"
BATCH = 2000
FIELDS = ("name", "slug", "postal_codes", "population", "search_name")


def place_key(text):
    """As `models.place_key` (historical models have no methods): folded, hyphens and apostrophes as spaces."""
    return " ".join(fold(text or "").replace("-", " ").replace("'", " ").split())


def read_reference(*, communes=True):
    """The file's rows as dicts (not to be changed), parents before children; without the communes unless asked."""
    return list(_read(DATA_FILE, communes))


@functools.lru_cache(maxsize=4)
def _read(path, communes):
    # Read once per process (the tests load the geography again and again). Without the communes,
    # their lines are skipped before the CSV parser sees them (no commune name spans two lines).
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        lines = handle if communes else (line for line in handle if not line.startswith(f"{COMMUNE},"))
        return tuple(csv.DictReader(lines))


def check_rows(rows):
    """A commune in two EPCIs (or two EPTs) is no geography: raise ValueError naming it."""
    for row in rows:
        parents = row["parents"].split()
        for kind in ("epci", "ept"):
            if sum(1 for code in parents if code.startswith(f"{kind}:")) > 1 and row["kind"] == COMMUNE:
                raise ValueError(f"commune {row['insee_code']} in several {kind.upper()}s: {row['parents']}")


@dataclass
class LoadReport:
    """What a load did, and what it left for a person to decide."""

    count: int = 0
    created: int = 0
    updated: int = 0
    removed: list = field(default_factory=list)  # "kind:code name" deleted (no longer in the COG)
    kept: list = field(default_factory=list)  # (territory label, references) still named, not deleted
    merged: dict = field(default_factory=dict)  # old commune code → "code name" of the commune it joined


def closure_rows(parent_links, territory_ids):
    """(descendant, ancestor, depth) for every territory and each of its ancestors, self at 0."""
    parents = {}
    for child_id, parent_id in parent_links:
        parents.setdefault(child_id, []).append(parent_id)
    for territory_id in territory_ids:
        for ancestor_id, depth in _ancestors(territory_id, parents).items():
            yield territory_id, ancestor_id, depth


def _ancestors(territory_id, parents):
    """{ancestor: shortest depth}, breadth first: the shortest depth wins, cycles stop."""
    depths, frontier = {territory_id: 0}, [territory_id]
    while frontier:
        next_frontier = []
        for node in frontier:
            for parent in parents.get(node, ()):
                if parent not in depths:
                    depths[parent] = depths[node] + 1
                    next_frontier.append(parent)
        frontier = next_frontier
    return depths


def rebuild_closure(territory_model, closure_model, ids=None):
    """Bring the closure in line with the parent links, writing only the differences.

    `ids`: only these territories' rows (a territory whose parents changed, with its descendants);
    None: every territory's."""
    links = territory_model.parents.through.objects.values_list("from_territory_id", "to_territory_id")
    current = closure_model.objects.values_list("id", "descendant_id", "ancestor_id", "depth")
    if ids is None:
        ids = territory_model.objects.values_list("id", flat=True)
    elif len(ids) < BATCH:
        current = current.filter(descendant_id__in=ids)
    ids = set(ids)
    wanted = {(d, a): depth for d, a, depth in closure_rows(list(links), sorted(ids))}
    current = {(d, a): (pk, depth) for pk, d, a, depth in current if d in ids}
    stale = [pk for pair, (pk, depth) in current.items() if wanted.get(pair) != depth]
    for start in range(0, len(stale), BATCH):
        closure_model.objects.filter(id__in=stale[start:start + BATCH]).delete()
    missing = [(pair, depth) for pair, depth in wanted.items() if current.get(pair, (None, None))[1] != depth]
    insert_rows(closure_model, ("descendant", "ancestor", "depth"), ((d, a, depth) for (d, a), depth in missing))
    return bool(stale or missing)


def insert_rows(model, columns, rows):
    """INSERT plain tuples in batches: the ORM's bulk_create builds a model instance per row,
    seven times slower for the 230,000 closure rows."""
    connection = connections[model.objects.db]
    quote = connection.ops.quote_name
    table = model._meta.db_table
    names = [model._meta.get_field(column).column for column in columns]
    sql = f"INSERT INTO {quote(table)} ({', '.join(map(quote, names))}) VALUES ({', '.join(['%s'] * len(names))})"
    rows = list(rows)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH * 5):
            cursor.executemany(sql, rows[start:start + BATCH * 5])


def _values(row):
    population = int(row["population"]) if row["population"] else None
    return {"name": row["name"], "slug": row["slug"], "postal_codes": row["postal_codes"], "population": population,
            "search_name": place_key(row["name"])}


def _upsert_territories(territory_model, rows, report):
    """Create the new territories and update the changed ones; {(kind, code): id}."""
    existing = {}
    for pk, kind, code, *values in territory_model.objects.values_list("id", "kind", "insee_code", *FIELDS):
        existing[kind, code] = (pk, dict(zip(FIELDS, values)))
    new, changed = [], []
    for row in rows:
        key, values = (row["kind"], row["insee_code"]), _values(row)
        if key not in existing:
            new.append((row["kind"], row["insee_code"], *values.values()))
        elif existing[key][1] != values:
            changed.append(territory_model(id=existing[key][0], **values))
    insert_rows(territory_model, ("kind", "insee_code", *FIELDS), new)
    territory_model.objects.bulk_update(changed, FIELDS, batch_size=BATCH)
    report.created, report.updated = len(new), len(changed)
    if new:
        existing = {(kind, code): (pk, None) for pk, kind, code in territory_model.objects.values_list("id", "kind", "insee_code")}
    return {key: pk for key, (pk, _values_) in existing.items()}


def _sync_parents(territory_model, rows, ids):
    """Links between reference territories follow the file; links editors added elsewhere stay."""
    through = territory_model.parents.through
    reference_ids = {ids[row["kind"], row["insee_code"]] for row in rows}
    wanted = {(ids[row["kind"], row["insee_code"]], ids[tuple(code.split(":", 1))]) for row in rows for code in row["parents"].split()}
    current = {(c, p): pk for pk, c, p in through.objects.values_list("id", "from_territory_id", "to_territory_id")}
    stale = [pk for (c, p), pk in current.items() if (c, p) not in wanted and c in reference_ids and p in reference_ids]
    for start in range(0, len(stale), BATCH):
        through.objects.filter(id__in=stale[start:start + BATCH]).delete()
    insert_rows(through, ("from_territory", "to_territory"), sorted(wanted - current.keys()))
    return bool(stale) or bool(wanted - current.keys())


def load_reference(territory_model, closure_model, *, communes=True, remove=None):
    """Create or update the reference territories, their parents and the closure; a LoadReport.

    `remove(report, gone)`: called with the territories (kind, code) of the file's kinds that the
    file no longer has, to report and delete them (the command; the migration removes nothing).
    Without the communes, they are neither added nor removed."""
    rows = read_reference(communes=communes)
    check_rows(rows)
    report = LoadReport()
    ids = _upsert_territories(territory_model, rows, report)
    links_changed = _sync_parents(territory_model, rows, ids)
    if remove is not None:
        kinds, listed = {row["kind"] for row in rows}, {(row["kind"], row["insee_code"]) for row in rows}
        report.merged = {old: f"{row['insee_code']} {row['name']}" for row in rows for old in row["former_codes"].split()}
        remove(report, sorted(key for key in ids if key[0] in kinds and key not in listed))
    if report.created or links_changed or report.removed or not closure_model.objects.exists():
        rebuild_closure(territory_model, closure_model)
    report.count = territory_model.objects.count()
    return report
