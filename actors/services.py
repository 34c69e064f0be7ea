"""Writes of actors. Each refreshes the search text of the actor and of every entry
that shows its name (programmes, funded projects), through registered hooks so that
this app never imports the apps that depend on it."""
from django.db import transaction

from editorial.text import normalise_line_endings

from .models import Actor

# Callables taking a list of actor ids, registered by the apps whose search text shows actors.
_dependents = []


def register_search_dependent(refresh):
    if refresh not in _dependents:
        _dependents.append(refresh)


def refresh_search(actor_ids, *, dependents=True):
    """Bring the search text of these actors, and of what shows them (unless `dependents` is
    false: nothing can show an actor just created), up to date."""
    actor_ids = list(actor_ids)
    Actor.objects.filter(id__in=actor_ids).reindex()
    for refresh in _dependents if dependents else ():
        refresh(actor_ids)


@transaction.atomic
def save_actor(*, actor, editors=None, user=None, reason=None):
    """Create or update `actor` (already validated) and everything derived from it: one history
    record (its editors are not part of the history), search text refreshed once."""
    created = actor.pk is None
    actor.siren = (actor.siren or "").replace(" ", "")
    actor._history_user, actor._change_reason = user, reason
    normalise_line_endings(actor)
    actor.save()
    if editors is not None:
        actor.editors.set(editors)
    refresh_search([actor.id], dependents=not created)
    return actor


def apply_actor_revision(*, entry, proposal, user, reason):
    """An approved revision (`editorial.revisions`), written like any change. Registered with
    `editorial.registry` (see apps.py)."""
    editors = proposal.related("editors") if "editors" in proposal.m2m else None
    return save_actor(actor=entry, editors=editors, user=user, reason=reason)
