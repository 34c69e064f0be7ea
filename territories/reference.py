"""Load the reference geography from `data/territories.csv`, idempotently.

The same function serves the data migration (with historical models) and the
`load_geography` command (with the live ones), so it takes the models as arguments.
"""
import csv
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "territories.csv"


def read_reference():
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def closure_rows(parent_links, territory_ids):
    """(descendant, ancestor, depth) for every territory and each of its ancestors, self at 0."""
    parents = {}
    for child_id, parent_id in parent_links:
        parents.setdefault(child_id, []).append(parent_id)
    for territory_id in territory_ids:
        depths = {territory_id: 0}
        frontier = [territory_id]
        while frontier:  # breadth first: the shortest depth wins, cycles stop
            next_frontier = []
            for node in frontier:
                for parent in parents.get(node, ()):
                    if parent not in depths:
                        depths[parent] = depths[node] + 1
                        next_frontier.append(parent)
            frontier = next_frontier
        for ancestor_id, depth in depths.items():
            yield territory_id, ancestor_id, depth


def rebuild_closure(territory_model, closure_model):
    """Recompute the whole closure; a few hundred territories make this instant."""
    links = territory_model.parents.through.objects.values_list("from_territory_id", "to_territory_id")
    ids = territory_model.objects.values_list("id", flat=True)
    rows = [closure_model(descendant_id=d, ancestor_id=a, depth=depth) for d, a, depth in closure_rows(list(links), list(ids))]
    closure_model.objects.all().delete()
    closure_model.objects.bulk_create(rows, batch_size=500)


def _upsert_territories(territory_model, rows):
    existing = {(t.kind, t.insee_code): t for t in territory_model.objects.all()}
    changed = False
    for row in rows:
        key = (row["kind"], row["insee_code"])
        territory = existing.get(key)
        if territory is None:
            existing[key] = territory_model.objects.create(kind=row["kind"], insee_code=row["insee_code"], name=row["name"], slug=row["slug"])
            changed = True
        elif (territory.name, territory.slug) != (row["name"], row["slug"]):
            territory.name, territory.slug = row["name"], row["slug"]
            territory.save(update_fields=["name", "slug"])
    return existing, changed


def load_reference(territory_model, closure_model):
    """Create or update the reference territories and their parents. Returns the count."""
    rows = read_reference()
    by_key, changed = _upsert_territories(territory_model, rows)
    through = territory_model.parents.through
    current = set(through.objects.values_list("from_territory_id", "to_territory_id"))
    wanted = set()
    for row in rows:
        child = by_key[(row["kind"], row["insee_code"])]
        for code in filter(None, (part.strip() for part in row["parents"].split("|"))):
            wanted.add((child.id, by_key[tuple(code.split(":", 1))].id))
    reference_ids = {t.id for t in by_key.values()}
    # Links between reference territories follow the file; links editors added elsewhere stay.
    stale = {pair for pair in current - wanted if pair[0] in reference_ids and pair[1] in reference_ids}
    for child_id, parent_id in stale:
        through.objects.filter(from_territory_id=child_id, to_territory_id=parent_id).delete()
    through.objects.bulk_create([through(from_territory_id=c, to_territory_id=p) for c, p in wanted - current])
    if changed or stale or wanted - current or not closure_model.objects.exists():
        rebuild_closure(territory_model, closure_model)
    return territory_model.objects.count()
