"""The `parent` column of the programme import: checked against the file and the directory,
then written parents first.

A row names its parent by slug: a programme already in the directory (for an editor, one it
may see: its own, or a published one; another organisation's draft is "unknown", never
revealed) or another row of the same file. Cycles are refused. Rows are then ordered so that a
parent created by the file is written before its children (`order_rows`), and each chunk is
written in generations (`save_by_generation`): a child's parent id exists when it is written.
"""
from django.utils.translation import gettext as _

from core.imports import ImportConflict
from editorial import policy

from .models import Programme

MAX_DEPTH = 100  # a longer chain of parents is a mistake (and the walk must end)


def check_file(reader):
    """Report the rows whose parent is unknown, themselves, or makes a cycle; order the rows."""
    plan = reader.plan
    rows = [row for row in plan.rows if row.relations.get("parent")]
    if not rows:
        return
    in_file = {row.slug: row.relations.get("parent", "") for row in plan.rows}
    visible = _visible_slugs(reader, {row.relations["parent"] for row in rows} - set(in_file))
    stored = dict(Programme.objects.filter(parent__isnull=False).values_list("slug", "parent__slug"))
    parent_of = {**stored, **in_file}
    for row in rows:
        parent = row.relations["parent"]
        if parent == row.slug:
            reader.problem(row.line, "parent", _("un programme ne peut pas faire partie de lui-même."))
        elif parent not in in_file and parent not in visible:
            reader.problem(row.line, "parent", _("programme parent « %(slug)s » inconnu (ni dans l'annuaire, ni dans le fichier).") % {"slug": parent[:60]})
        elif _makes_cycle(row.slug, parent_of):
            reader.problem(row.line, "parent", _("« %(slug)s » fait déjà partie de ce programme : pas de boucle entre programmes.") % {"slug": parent[:60]})
    plan.rows = order_rows(plan.rows)


def visible(reader, programmes):
    """The `programmes` that the importing user may name as a parent (an editor: its own and the published ones)."""
    return programmes if reader.privileged else policy.reachable(reader.user, programmes) | programmes.published()


def _visible_slugs(reader, slugs):
    if not slugs:
        return set()
    return set(visible(reader, Programme.objects.filter(slug__in=slugs)).values_list("slug", flat=True))


def _makes_cycle(slug, parent_of):
    current, depth = parent_of.get(slug), 0
    while current and depth < MAX_DEPTH:
        if current == slug:
            return True
        current, depth = parent_of.get(current), depth + 1
    return depth >= MAX_DEPTH


def order_rows(rows):
    """`rows` with every parent of the file before its children (stable otherwise)."""
    by_slug = {row.slug: row for row in rows}

    def depth(row):
        level, current = 0, by_slug.get(row.relations.get("parent", ""))
        while current is not None and level < MAX_DEPTH:
            level, current = level + 1, by_slug.get(current.relations.get("parent", ""))
        return level

    return sorted(rows, key=depth)


def save_by_generation(rows, item, save):
    """Write a chunk's `rows` through `save(items)` (`item(row)` builds each one), a row only once
    its parent exists: parents created by this chunk come in an earlier generation.

    Sets each row's `parent_id` value (None for no parent). Returns (created ids, changed ids)."""
    created, changed, pending = [], [], list(rows)
    while pending:
        unwritten = {row.slug for row in pending if row.existing is None}
        ready = [row for row in pending if row.relations.get("parent", "") not in unwritten]
        if not ready:  # the reader refuses cycles: only a changed directory gets here
            raise ImportConflict(_("Boucle entre programmes parents : rien n'a été importé."))
        _set_parent_ids(ready)
        new, updated = save([item(row) for row in ready])
        created, changed = created + list(new), changed + list(updated)
        written = {id(row) for row in ready}
        pending = [row for row in pending if id(row) not in written]
    return created, changed


def _set_parent_ids(rows):
    wanted = {row.relations.get("parent", "") for row in rows} - {""}
    ids = dict(Programme.objects.filter(slug__in=wanted).values_list("slug", "id"))
    for row in rows:
        parent = row.relations.get("parent", "")
        if parent and parent not in ids:
            raise ImportConflict(_("Le programme parent « %(slug)s » a été supprimé pendant l'import.") % {"slug": parent})
        row.values["parent_id"] = ids.get(parent)
