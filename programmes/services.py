"""Writes of programmes, funded projects, themes and audiences (keyword-only arguments).

Every write here also refreshes what is derived from it — the search text of
the entries it touches — in bulk. The admin, the CSV imports, the demo loader
and the shell all write through these functions.
"""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actors.models import Actor
from core.directory_version import bump_directory_version
from core.imports import analyze
from editorial.history import single_history_record
from editorial.text import normalise_line_endings

from . import bulk
from .bulk import ProgrammeInput  # noqa: F401 (the input of save_programmes)
from .models import FundedProject, Programme, ProgrammeActor, Theme


def refresh_search(*, programme_ids=(), project_ids=()):
    Programme.objects.filter(id__in=list(programme_ids)).reindex()
    FundedProject.objects.filter(id__in=list(project_ids)).reindex()


def refresh_for_actors(actor_ids):
    """Registered with `actors.services`: entries that show these actors' names."""
    refresh_search(
        programme_ids=ProgrammeActor.objects.filter(actor_id__in=actor_ids).values_list("programme_id", flat=True),
        project_ids=FundedProject.objects.filter(beneficiary_id__in=actor_ids).values_list("id", flat=True),
    )


def rebuild_search_index():
    """Recompute every search text (repairs any database). Returns the counts."""
    Actor.objects.all().reindex()
    Programme.objects.all().reindex()
    FundedProject.objects.all().reindex()
    analyze()
    return {"actors": Actor.objects.count(), "programmes": Programme.objects.count(), "funded_projects": FundedProject.objects.count()}


def set_roles(*, programme, roles):
    """Make the programme's roles exactly `roles`, a set of (actor_id, role); unchanged links stay."""
    wanted = set(roles)
    current = set(programme.roles.values_list("actor_id", "role"))
    for actor_id, role in current - wanted:
        for link in programme.roles.filter(actor_id=actor_id, role=role):
            link.delete()  # one by one: the role history records each removal
    for actor_id, role in sorted(wanted - current):
        ProgrammeActor.objects.create(programme=programme, actor_id=actor_id, role=role)
    return current != wanted


def _set_m2m(manager, wanted):
    wanted = list(wanted)
    if {obj.pk for obj in manager.all()} != {obj.pk for obj in wanted}:
        manager.set(wanted)
        return True
    return False


@transaction.atomic
def save_programme(*, programme, territories=None, themes=None, audiences=None, roles=None, user=None, reason=None):
    """Create or update `programme` and the relations given (None: left as they are).

    One history record per call, with the final state; the search text of the programme and of
    its projects (which show its title) refreshed once."""
    created = programme.pk is None
    programme._history_user = user
    programme._change_reason = reason
    normalise_line_endings(programme)
    with single_history_record(programme, created=created):
        programme.save()
        if territories is not None:
            _set_m2m(programme.territories, territories)
        if themes is not None:
            _set_m2m(programme.themes, themes)
        if audiences is not None:
            _set_m2m(programme.audiences, audiences)
        if roles is not None:
            set_roles(programme=programme, roles=roles)
    refresh_search(programme_ids=[programme.id], project_ids=programme.funded_projects.values_list("id", flat=True))
    return programme


def apply_programme_revision(*, entry, proposal, user, reason):
    """An approved revision (`editorial.revisions`), written like any change: one history record,
    one search refresh. Registered with `editorial.registry` (see apps.py)."""
    m2m = {name: proposal.related(name) for name in proposal.m2m}
    roles = proposal.inlines.get("roles")
    if roles is not None:
        actor_ids = {row["actor"] for row in roles}
        if Actor.objects.filter(pk__in=actor_ids).count() != len(actor_ids):
            raise ValidationError(_("Un acteur de cette modification n'existe plus."))
        roles = {(row["actor"], row["role"]) for row in roles}
    return save_programme(programme=entry, **m2m, roles=roles, user=user, reason=reason)


@transaction.atomic
def save_programmes(*, items, user=None, reason=None, publish=False):
    """Create or update many programmes at once (`bulk.ProgrammeInput`s: a CSV import's chunk).

    Same outcome as `save_programme` for each item — one history record per created or changed
    entry, relations exactly as given, search text refreshed — in a number of queries that does
    not grow with the items; unchanged items are not written. New entries are published (and
    stamped) when `publish`. Returns (created ids, changed ids)."""
    created, changed = [], []
    for items_of_pass in bulk.passes(items):
        new, updated = bulk.write_pass(items_of_pass, user=user, reason=reason, publish=publish)
        created += [entry.id for entry in new]
        changed += [entry.id for entry in updated]
    if created or changed:
        refresh_search(programme_ids=changed)  # new entries were indexed as they were inserted
        Programme.objects.filter(id__in=created).refresh_listing_keys()  # their links came after them
        # Bulk writes send no signal: the public pages' cache learns of them here, once committed.
        bump_directory_version()  # in the transaction: visible when the import commits
    return created, changed


@transaction.atomic
def save_project(*, project, partners=None, user=None, reason=None):
    created = project.pk is None
    if project.awarded_on and not project.year:
        project.year = project.awarded_on.year
    project._history_user = user
    project._change_reason = reason
    normalise_line_endings(project)
    with single_history_record(project, created=created):
        project.save()
        if partners is not None:
            _set_m2m(project.partners, partners)
    refresh_search(project_ids=[project.id])
    return project


def apply_project_revision(*, entry, proposal, user, reason):
    """An approved revision of a funded project (see `apply_programme_revision`)."""
    partners = proposal.related("partners") if "partners" in proposal.m2m else None
    return save_project(project=entry, partners=partners, user=user, reason=reason)


@transaction.atomic
def delete_project(*, project, user=None):
    """Delete a funded project (the history records who); its search entry goes with it."""
    project._history_user = user
    project.delete()


@transaction.atomic
def save_reference_item(*, item):
    """Create or update a theme or an audience; programmes that show a theme are refreshed."""
    item.save()
    if isinstance(item, Theme):
        refresh_search(programme_ids=item.programmes.values_list("id", flat=True))
    return item


@transaction.atomic
def delete_reference_items(*, items):
    items = list(items)
    programme_ids = set()
    for item in items:
        programme_ids.update(item.programmes.values_list("id", flat=True))
        item.delete()
    if any(isinstance(item, Theme) for item in items):
        refresh_search(programme_ids=programme_ids)
