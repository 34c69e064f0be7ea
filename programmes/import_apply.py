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


def _reference(model, slug, name):
    obj, _created = model.objects.get_or_create(slug=slug, defaults={"name": name or slug})
    return obj


def _actor(slug, name, cache):
    if slug not in cache:
        # Only privileged imports reach here with an unknown slug: create it as a draft to complete.
        cache[slug], _created = Actor.objects.get_or_create(
            slug=slug, defaults={"name": name or slug, "kind": Actor.Kind.OTHER, "publication_state": PublicationState.DRAFT}
        )
    return cache[slug]


def _sync_roles(programme, roles, actors):
    wanted = {(_actor(slug, name, actors).id, role) for role, slug, name in roles}
    current = set(programme.roles.values_list("actor_id", "role"))
    for actor_id, role in current - wanted:
        for link in programme.roles.filter(actor_id=actor_id, role=role):
            link.delete()
    for actor_id, role in sorted(wanted - current):
        ProgrammeActor.objects.create(programme=programme, actor_id=actor_id, role=role)


def _write_row(row, *, user, reason, actors, publish):
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
    with single_history_record(programme, created=row.existing is None), search_refresh_paused():
        programme.save()
        programme.territories.set(row.territories)
        programme.themes.set([_reference(Theme, slug, name) for slug, name in row.themes])
        programme.audiences.set([_reference(Audience, slug, name) for slug, name in row.audiences])
        _sync_roles(programme, row.roles, actors)
    return programme


def iter_apply(plan, *, user=None, publish=False):
    """Write a problem-free plan in one transaction, yielding (rows done, total) as it goes.

    New entries are drafts unless `publish` (administrators and reviewers only)."""
    if not plan.ok:
        raise PlanHasProblems(_("Le fichier contient des erreurs : rien n'a été importé."))
    reason = _("Import CSV")
    actors = {a.slug: a for a in Actor.objects.all()}
    total = len(plan.rows)
    with transaction.atomic():
        for index, row in enumerate(plan.rows, start=1):
            _write_row(row, user=user, reason=reason, actors=actors, publish=publish)
            if index % PROGRESS_EVERY == 0 or index == total:
                yield index, total


def apply_import(plan, *, user=None, progress=None, publish=False):
    """Write every row of a problem-free plan in one transaction. Returns (created, updated)."""
    for done, total in iter_apply(plan, user=user, publish=publish):
        if progress:
            progress(done, total)
    return plan.created, plan.updated
