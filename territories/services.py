"""Writes to the geography: every change of parents rebuilds the closure, explicitly."""
from django.db import transaction

from core.cache import bump_directory_version

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
    # Bulk writes send no signal: pages, the facet index and the checked query-string values
    # are kept per directory version.
    transaction.on_commit(bump_directory_version)
    return reference.load_reference(Territory, TerritoryClosure)
