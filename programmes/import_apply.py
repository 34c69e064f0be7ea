"""Writing half of the programme CSV import: all rows or nothing, each change in the history."""
from django.db import transaction
from django.utils.translation import gettext as _

from actors.history import single_history_record
from actors.models import Actor, PublicationState
from actors.workflow import stamp_publication

from .models import Audience, Programme, ProgrammeActor, Theme
from .signals import search_refresh_paused

PROGRESS_EVERY = 500


class PlanHasProblems(Exception):
    pass


class _References:
    """Themes, audiences and actors by slug, fetched or created once per import.

    Unknown slugs only reach here from privileged imports (the plan refuses them
    for editors): new actors are drafts for a reviewer to complete."""

    DEFAULTS = {Actor: {"kind": Actor.Kind.OTHER, "publication_state": PublicationState.DRAFT}}

    def __init__(self):
        self.cache = {}

    def get(self, model, slug, name):
        key = (model, slug)
        if key not in self.cache:
            defaults = {"name": name or slug, **self.DEFAULTS.get(model, {})}
            self.cache[key], _created = model.objects.get_or_create(slug=slug, defaults=defaults)
        return self.cache[key]


def _sync_roles(programme, roles, refs, *, created):
    wanted = {(refs.get(Actor, slug, name).id, role) for role, slug, name in roles}
    current = set() if created else set(programme.roles.values_list("actor_id", "role"))
    for actor_id, role in current - wanted:
        for link in programme.roles.filter(actor_id=actor_id, role=role):
            link.delete()
    for actor_id, role in sorted(wanted - current):
        ProgrammeActor.objects.create(programme=programme, actor_id=actor_id, role=role)


def _write_row(row, *, user, reason, refs, publish):
    programme = row.existing
    if programme is None:
        programme = Programme(slug=row.slug, publication_state=PublicationState.DRAFT)
        if publish:
            programme.publication_state = PublicationState.PUBLISHED
            stamp_publication(programme, user)
    for field, value in row.values.items():
        setattr(programme, field, value)
    programme._history_user = user
    programme._change_reason = reason
    created = row.existing is None
    with single_history_record(programme, created=created), search_refresh_paused():
        programme.save()
        programme.territories.set(row.territories)
        programme.themes.set([refs.get(Theme, slug, name) for slug, name in row.themes])
        programme.audiences.set([refs.get(Audience, slug, name) for slug, name in row.audiences])
        _sync_roles(programme, row.roles, refs, created=created)
    return programme


def iter_apply(plan, *, user=None, publish=False):
    """Write a problem-free plan in one transaction, yielding (rows done, total) as it goes.

    New entries are drafts unless `publish` (administrators and reviewers only)."""
    if not plan.ok:
        raise PlanHasProblems(_("Le fichier contient des erreurs : rien n'a été importé."))
    reason = _("Import CSV")
    refs = _References()
    total = len(plan.rows)
    with transaction.atomic():
        for index, row in enumerate(plan.rows, start=1):
            _write_row(row, user=user, reason=reason, refs=refs, publish=publish)
            if index % PROGRESS_EVERY == 0 or index == total:
                yield index, total


def apply_import(plan, *, user=None, progress=None, publish=False):
    """Write every row of a problem-free plan in one transaction. Returns (created, updated)."""
    for done, total in iter_apply(plan, user=user, publish=publish):
        if progress:
            progress(done, total)
    return plan.created, plan.updated
