"""Writes of actors. Each refreshes the search text of the actor and of every entry
that shows its name (programmes, funded projects), through registered hooks so that
this app never imports the apps that depend on it."""
from django.db import transaction

from .models import Actor

# Callables taking a list of actor ids, registered by the apps whose search text shows actors.
_dependents = []


def register_search_dependent(refresh):
    if refresh not in _dependents:
        _dependents.append(refresh)


def refresh_search(actor_ids):
    """Bring the search text of these actors, and of what shows them, up to date."""
    actor_ids = list(actor_ids)
    Actor.objects.filter(id__in=actor_ids).reindex()
    for refresh in _dependents:
        refresh(actor_ids)


@transaction.atomic
def save_actor(*, actor, editors=None):
    """Create or update `actor` (already validated) and everything derived from it."""
    actor.siren = (actor.siren or "").replace(" ", "")
    actor.save()
    if editors is not None:
        actor.editors.set(editors)
    refresh_search([actor.id])
    return actor


@transaction.atomic
def delete_actors(*, actors):
    ids = [a.id for a in actors]
    Actor.objects.filter(id__in=ids).delete()
    # The dependents no longer show them (PROTECT stops deleting a used actor anyway).
    for refresh in _dependents:
        refresh(ids)
