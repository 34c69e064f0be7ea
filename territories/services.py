"""Writes to the geography: every change of parents rebuilds the closure, explicitly."""
from django.db import transaction

from . import reference
from .models import Territory, TerritoryClosure


def rebuild_closure():
    reference.rebuild_closure(Territory, TerritoryClosure)


@transaction.atomic
def set_parents(territory, parents):
    """Give `territory` these direct parents and bring the closure up to date."""
    territory.parents.set(parents)
    rebuild_closure()


@transaction.atomic
def load_geography():
    """Idempotent: running it again changes nothing. Returns the number of territories."""
    return reference.load_reference(Territory, TerritoryClosure)
