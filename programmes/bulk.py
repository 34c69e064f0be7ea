"""Many programmes written at once (a CSV import's chunk), in a constant number of queries.

The outcome is `services.save_programme` called once per entry: one history record per created
or changed programme, holding its final relations; the role links' own history; unchanged
entries not written at all. Called only by `services.save_programmes`.
"""
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from actors.models import Actor
from core.bulkwrite import insert_rows, insert_values, update_rows
from core.imports import ImportConflict
from editorial.bulk_history import CHANGED, CREATED, DELETED, record_rows
from editorial.models import PublicationState
from editorial.workflow import stamp_publication
from search.index import INDEX_FIELDS, insert_indexed

from .models import Programme, ProgrammeActor, Theme, programme_texts

# Relation name → the column of its through table naming the other side.
LINKS = {"territories": "territory_id", "themes": "theme_id", "audiences": "audience_id"}


@dataclass
class ProgrammeInput:
    """One programme to create (`entry_id` None) or update, its relations as sets of ids."""

    slug: str
    values: dict
    entry_id: int = None
    territories: set = field(default_factory=set)
    themes: set = field(default_factory=set)
    audiences: set = field(default_factory=set)
    roles: set = field(default_factory=set)  # {(actor_id, role)}


class EntryVanished(ImportConflict):
    """An entry to update was deleted since the file was checked."""


def passes(items):
    """Split `items` so that no entry is updated twice in one pass (two rows of a file may
    match the same entry: by slug and by source URL); passes are written one after the other."""
    result = []
    for item in items:
        target = next((p for p in result if item.entry_id is None or item.entry_id not in p[1]), None)
        if target is None:
            target = ([], set())
            result.append(target)
        target[0].append(item)
        target[1].add(item.entry_id)
    return [chunk for chunk, _ids in result]


class Stored:
    """What is stored for the existing entries of a pass: fields, relation links, role links."""

    def __init__(self, ids):
        self.entries = Programme.objects.defer(*INDEX_FIELDS).in_bulk(ids)
        self.links = {name: self.load_links(name, column, ids) for name, column in LINKS.items()}
        self.roles = defaultdict(dict)
        for link in ProgrammeActor.objects.filter(programme_id__in=ids).order_by():
            self.roles[link.programme_id][link.actor_id, link.role] = link

    @staticmethod
    def load_links(name, column, ids):
        found = defaultdict(dict)  # programme id → {other side id: through row id}
        rows = getattr(Programme, name).through.objects.filter(programme_id__in=ids).values_list("id", "programme_id", column)
        for pk, programme_id, other in rows:
            found[programme_id][other] = pk
        return found

    def entry(self, item):
        if item.entry_id not in self.entries:
            raise EntryVanished(_("« %(slug)s » a été supprimée pendant l'import.") % {"slug": item.slug})
        return self.entries[item.entry_id]

    def relations_differ(self, entry, item):
        if any(set(self.links[name].get(entry.id, {})) != getattr(item, name) for name in LINKS):
            return True
        return set(self.roles.get(entry.id, {})) != item.roles


def new_entry(item, *, user, publish):
    entry = Programme(slug=item.slug, publication_state=PublicationState.DRAFT, **item.values)
    if publish:
        entry.publication_state = PublicationState.PUBLISHED
        stamp_publication(entry, user)
    return entry


def write_pass(items, *, user, reason, publish):
    """Write one pass; returns (created entries, changed entries)."""
    stored = Stored([item.entry_id for item in items if item.entry_id is not None])
    created = [(new_entry(item, user=user, publish=publish), item) for item in items if item.entry_id is None]
    changed, fields, now = [], {"updated_at"}, timezone.now()
    for item in items:
        if item.entry_id is None:
            continue
        entry = stored.entry(item)
        differing = [name for name, value in item.values.items() if getattr(entry, name) != value]
        if differing or stored.relations_differ(entry, item):
            for name in differing:
                setattr(entry, name, item.values[name])
            entry.updated_at = now  # bulk writes skip auto_now
            changed.append((entry, item))
            fields.update(differing)
    # New entries are indexed as they are inserted (from the names their relations will have);
    # changed ones are reindexed once their relations are written (services.save_programmes).
    insert_indexed(Programme, [entry for entry, _item in created], new_texts(created))
    update_rows(Programme, [entry for entry, _item in changed], sorted(fields))  # only the fields some row changes
    write_links(created + changed, stored)
    history = {"user": user, "reason": reason}
    write_roles(created + changed, stored, **history)
    # Last, so that each record holds the entry's final relations.
    record_rows(Programme, [entry.id for entry, _item in created], history_type=CREATED, **history)
    record_rows(Programme, [entry.id for entry, _item in changed], history_type=CHANGED, **history)
    return [entry for entry, _item in created], [entry for entry, _item in changed]


def new_texts(created):
    """The search texts of new entries, in order, from their values and the names of the
    themes and published organisations they will be linked to (two queries)."""
    actors = Actor.objects.published().filter(id__in={actor for _entry, item in created for actor, _role in item.roles})
    names = {pk: (name, acronym) for pk, name, acronym in actors.values_list("id", "name", "acronym")}
    themes = Theme.objects.filter(id__in={theme for _entry, item in created for theme in item.themes})
    theme_names = {pk: (name, name_en) for pk, name, name_en in themes.values_list("id", "name", "name_en")}
    entries = {n: (entry.title, entry.summary, entry.description) for n, (entry, _item) in enumerate(created)}
    # One name per role link, as a reindex reads them.
    organisations = [(n, *names[actor]) for n, (_entry, item) in enumerate(created) for actor, _role in sorted(item.roles) if actor in names]
    linked = [(n, *theme_names[theme]) for n, (_entry, item) in enumerate(created) for theme in sorted(item.themes)]
    texts = programme_texts(entries, organisations, linked)
    return [texts[n] for n in range(len(created))]


def write_links(written, stored):
    for name, column in LINKS.items():
        through = getattr(Programme, name).through
        removed, added = [], []
        for entry, item in written:
            have = stored.links[name].get(entry.id, {})
            wanted = getattr(item, name)
            removed += [pk for other, pk in have.items() if other not in wanted]
            added += [(entry.id, other) for other in sorted(wanted - set(have))]
        if removed:
            # A raw delete: no signal per link (the entry's history record holds the final state).
            through.objects.filter(id__in=removed)._raw_delete(through.objects.db)
        insert_values(through, ["programme_id", column], added)


def write_roles(written, stored, *, user, reason):
    """Role links exactly as asked; each link created or removed gets its own history record."""
    removed, added = [], []
    for entry, item in written:
        have = stored.roles.get(entry.id, {})
        removed += [link.id for key, link in have.items() if key not in item.roles]
        added += [ProgrammeActor(programme_id=entry.id, actor_id=actor_id, role=role) for actor_id, role in sorted(item.roles - set(have))]
    if removed:
        record_rows(ProgrammeActor, removed, history_type=DELETED, user=user, reason=reason)
        ProgrammeActor.objects.filter(id__in=removed)._raw_delete(ProgrammeActor.objects.db)  # history written above
    insert_rows(ProgrammeActor, added)
    record_rows(ProgrammeActor, [link.id for link in added], history_type=CREATED, user=user, reason=reason)
