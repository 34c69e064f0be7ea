"""What the directory stores for the programmes a file updates, to tell a real change from a row
that repeats the entry: the preview counts those apart ("inchangée") and the job reports them so."""
from collections import defaultdict

from territories.models import Territory

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


def stored_relations(ids):
    """{programme id: its relations as a file's row names them}: what an update keeps of the
    relation columns its file leaves out (an older export without `parent`, a hand-written file)."""
    ids, found = sorted(set(ids)), {}
    for start in range(0, len(ids), BATCH):
        stored = StoredProgrammes(ids[start:start + BATCH], ())
        found.update((pk, stored.as_read(pk)) for pk in stored.values)
    return found


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

    def as_read(self, pk):
        """Programme `pk`'s relations in the shape `ProgrammeReader.read_row` gives a row's."""
        mine = self.relations[pk]
        return {
            "territories": [Territory(id=territory) for territory in sorted(mine["territories"])],
            "themes": [(slug, slug) for slug in sorted(mine["themes"])],
            "audiences": [(slug, slug) for slug in sorted(mine["audiences"])],
            "roles": [(role, slug, None) for role, slug in sorted(mine["roles"])],
            "parent": self.values[pk]["parent__slug"] or "",
        }

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
