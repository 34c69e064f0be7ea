"""Keep the territory closure in step with the editable parent links."""
import threading
from contextlib import contextmanager

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import Territory, TerritoryClosure

_state = threading.local()


@contextmanager
def closure_rebuilt_once():
    """Bulk loads create hundreds of links: rebuild the closure once, at the end."""
    _state.deferred = getattr(_state, "deferred", 0) + 1
    try:
        yield
    finally:
        _state.deferred -= 1
    if not _state.deferred:
        TerritoryClosure.rebuild()


def _rebuild():
    if not getattr(_state, "deferred", 0):
        TerritoryClosure.rebuild()


@receiver(m2m_changed, sender=Territory.parents.through)
def parents_changed(action, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        _rebuild()


@receiver(post_save, sender=Territory)
def territory_saved(created, raw=False, **kwargs):
    if created and not raw:
        _rebuild()


@receiver(post_delete, sender=Territory)
def territory_deleted(**kwargs):
    _rebuild()
