"""What the directory stores for the programmes a file updates, to tell a real change from a row
that repeats the entry: the preview counts those apart ("inchangée") and the job reports them so."""
from collections import defaultdict

from ..models import Programme, ProgrammeActor

BATCH = 500  # programmes loaded per round of queries (SQLite's limit on parameters)


def mark_unchanged(rows):
    """Set `unchanged` on each row whose values and relations equal its existing entry's."""
    updates = [row for row in rows if row.existing is not None]
    for start in range(0, len(updates), BATCH):
        chunk = updates[start:start + BATCH]
        stored = StoredProgrammes([row.existing.id for row in chunk], set().union(*(row.values for row in chunk)))
        for row in chunk:
            row.unchanged = stored.same(row)


class StoredProgrammes:
    """Fields, parent and relations (by slug, as a file names them) of some programmes, in six queries."""

    def __init__(self, ids, fields):
        fields = sorted(name for name in fields if name != "parent_id")
        self.values = {values.pop("id"): values for values in Programme.objects.filter(id__in=ids).values("id", "parent__slug", *fields)}
        self.relations = defaultdict(lambda: defaultdict(set))
        through = {name: getattr(Programme, name).through.objects.filter(programme_id__in=ids) for name in ("territories", "themes", "audiences")}
        self._add("territories", through["territories"].values_list("programme_id", "territory_id"))
        self._add("themes", through["themes"].values_list("programme_id", "theme__slug"))
        self._add("audiences", through["audiences"].values_list("programme_id", "audience__slug"))
        roles = ProgrammeActor.objects.filter(programme_id__in=ids).order_by().values_list("programme_id", "role", "actor__slug")
        self._add("roles", ((pk, (role, slug)) for pk, role, slug in roles))

    def _add(self, name, pairs):
        for pk, value in pairs:
            self.relations[pk][name].add(value)

    def same(self, row):
        stored, relations = self.values.get(row.existing.id), row.relations
        if stored is None:
            return False
        if any(stored[name] != value for name, value in row.values.items() if name != "parent_id"):
            return False
        wanted = {
            "territories": {territory.id for territory in relations["territories"]},
            "themes": {slug for slug, _name in relations["themes"]},
            "audiences": {slug for slug, _name in relations["audiences"]},
            "roles": {(role, slug) for role, slug, _new in relations["roles"]},
        }
        mine = self.relations[row.existing.id]
        return (stored["parent__slug"] or "") == relations["parent"] and all(mine[name] == value for name, value in wanted.items())
