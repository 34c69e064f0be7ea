"""Keep Programme.search_text current when its actors or themes change."""
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from actors.models import Actor

from .models import Programme, ProgrammeActor

_paused = ContextVar("search_refresh_paused", default=False)


@contextmanager
def search_refresh_paused():
    """For bulk writes that save the programme last (its save rebuilds the text)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


@receiver(m2m_changed, sender=Programme.themes.through)
def themes_changed(instance, action, reverse, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"} and not reverse and not _paused.get():
        instance.refresh_search_text()


@receiver([post_save, post_delete], sender=ProgrammeActor)
def role_changed(instance, raw=False, **kwargs):
    if not raw and not _paused.get():
        # During a cascade delete the programme itself may already be gone.
        programme = Programme.objects.filter(pk=instance.programme_id).first()
        if programme:
            programme.refresh_search_text()


@receiver(post_save, sender=Actor)
def actor_renamed(instance, raw=False, **kwargs):
    if raw:
        return
    for programme in Programme.objects.filter(roles__actor=instance).distinct():
        programme.refresh_search_text()
